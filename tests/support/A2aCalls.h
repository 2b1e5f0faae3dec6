#pragma once

#include "a2a/A2aClient.h"

#include <QList>
#include <QString>

namespace crosstalk::test {

/// What one A2aCall brought: its items, and how it finished.
struct A2aOutcome
{
    a2a::A2aError error;
    nlohmann::json result;
    QList<a2a::StreamItem> items;
    bool finished = false;
};

/// Waits for a call to finish (the event loop runs meanwhile); a call that
/// does not finish in time comes back with a message saying so.
A2aOutcome waitFor(a2a::A2aCall *call, int timeoutMs = 30000);

/// A user message of one text part, with a fresh message id.
a2a::Message userText(const QString &text);

} // namespace crosstalk::test
