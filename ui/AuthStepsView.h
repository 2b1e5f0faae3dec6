#pragma once

#include "auth/AuthStep.h"

#include <QWidget>

class QPlainTextEdit;
class QTreeWidget;

namespace crosstalk::ui {

/// The steps of an authorization flow, in the traffic inspector's manner: a
/// list (verdict, kind, scheme, what happened, HTTP status) and, for the
/// step chosen, what Crosstalk made of it and the exchange itself, request
/// and response with headers and body. Steps arrive redacted; everything
/// is shown as plain text, hidden characters made visible.
class AuthStepsView : public QWidget
{
    Q_OBJECT

public:
    explicit AuthStepsView(QWidget *parent = nullptr);

    void clear();
    void addStep(const auth::AuthStep &step);
    void setSteps(const QList<auth::AuthStep> &steps);
    int stepCount() const { return int(m_steps.size()); }
    const auth::AuthStep &step(int row) const { return m_steps.at(row); }
    /// Shows the step of a row (the last failed one is chosen by itself).
    void select(int row);
    /// The details shown for the chosen step.
    QString detailsText() const;

    static QString verdictText(auth::AuthStep::Verdict verdict);
    static QString kindText(auth::AuthStep::Kind kind);

private:
    void showDetails(int row);

    QTreeWidget *m_list = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QList<auth::AuthStep> m_steps;
};

} // namespace crosstalk::ui
