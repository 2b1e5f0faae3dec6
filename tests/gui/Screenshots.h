#pragma once

// What the GUI tests that make screenshots share. They run in English; with
// CROSSTALK_SCREENSHOT_LOCALE set (such as "de") they run in that language,
// and with CROSSTALK_SCREENSHOT_DIR set they keep pictures there
// (tools/screenshots.sh sets both).

#include "Translations.h"

#include <QApplication>
#include <QLocale>
#include <QTest>
#include <QWidget>

namespace crosstalk::test {

/// Installs the translators of CROSSTALK_SCREENSHOT_LOCALE, if it is set.
inline void useScreenshotLocale()
{
    if (const QString locale = qEnvironmentVariable("CROSSTALK_SCREENSHOT_LOCALE"); !locale.isEmpty())
        installTranslators(*qApp, QLocale(locale));
}

/// Saves a picture of `widget` as `name` in CROSSTALK_SCREENSHOT_DIR, once
/// it has settled; does nothing without it. False only when saving failed.
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CROSSTALK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return true;
    QTest::qWait(300);
    return widget->grab().save(dir + QLatin1Char('/') + name);
}

} // namespace crosstalk::test
