#pragma once

#include <QLocale>

class QCoreApplication;

namespace crosstalk {

/// Installs the translators for locale on app: Qt's own `qtbase_<lang>` from
/// Qt's translations directory and Crosstalk's `crosstalk_<lang>` from the
/// `:/i18n` resources. A regional locale falls back to its language (de_AT
/// finds `crosstalk_de`); where no translation exists, nothing is installed and
/// the text stays English. The translators are owned by app.
void installTranslators(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace crosstalk
