#include "AboutDialog.h"
#include "util/Version.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using crosstalk::ui::AboutDialog;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsVersions();
    void listsAllLicences_data();
    void listsAllLicences();
    void licencesAreReadOnly();
    void labelsArePlainText();
    void closeButtonCloses();
};

void TestAboutDialog::showsVersions()
{
    AboutDialog dialog;
    QVERIFY(dialog.windowTitle().contains(QStringLiteral("Crosstalk")));

    auto *versionLabel = dialog.findChild<QLabel *>(QStringLiteral("versionLabel"));
    QVERIFY(versionLabel);
    QVERIFY2(versionLabel->text().contains(crosstalk::versionString()), qPrintable(versionLabel->text()));
    QVERIFY(versionLabel->text().contains(QStringLiteral(CROSSTALK_VERSION)));
    QVERIFY2(versionLabel->text().contains(QString::fromLatin1(qVersion())), qPrintable(versionLabel->text()));
}

void TestAboutDialog::listsAllLicences_data()
{
    QTest::addColumn<QString>("component");
    QTest::addColumn<QString>("licence");

    QTest::newRow("Crosstalk") << QStringLiteral("Crosstalk") << QStringLiteral("Apache-2.0");
    QTest::newRow("Qt") << QStringLiteral("Qt 6") << QStringLiteral("LGPL-3.0");
    QTest::newRow("QtKeychain") << QStringLiteral("QtKeychain") << QStringLiteral("BSD-3-Clause");
    QTest::newRow("nlohmann/json") << QStringLiteral("nlohmann/json") << QStringLiteral("MIT");
    QTest::newRow("valijson") << QStringLiteral("valijson") << QStringLiteral("BSD-2-Clause");
    QTest::newRow("simdjson") << QStringLiteral("simdjson") << QStringLiteral("Apache-2.0");
    QTest::newRow("OpenSSL") << QStringLiteral("OpenSSL") << QStringLiteral("Apache-2.0");
}

void TestAboutDialog::listsAllLicences()
{
    QFETCH(QString, component);
    QFETCH(QString, licence);

    AboutDialog dialog;
    auto *view = dialog.findChild<QTableWidget *>(QStringLiteral("licencesView"));
    QVERIFY(view);
    QCOMPARE(view->rowCount(), 7);

    const QList<QTableWidgetItem *> found = view->findItems(component, Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    const int row = found.first()->row();
    QCOMPARE(found.first()->column(), 0);
    QCOMPARE(view->item(row, view->columnCount() - 1)->text(), licence);
}

void TestAboutDialog::licencesAreReadOnly()
{
    AboutDialog dialog;
    auto *view = dialog.findChild<QTableWidget *>(QStringLiteral("licencesView"));
    QVERIFY(view);
    QCOMPARE(view->editTriggers(), QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < view->rowCount(); ++row) {
        for (int column = 0; column < view->columnCount(); ++column) {
            QTableWidgetItem *item = view->item(row, column);
            QVERIFY(item);
            QVERIFY(!item->text().isEmpty());
            QVERIFY(!(item->flags() & Qt::ItemIsEditable));
        }
    }
}

void TestAboutDialog::labelsArePlainText()
{
    AboutDialog dialog;
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    for (const QLabel *label : labels)
        QCOMPARE(label->textFormat(), Qt::PlainText);
}

void TestAboutDialog::closeButtonCloses()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *closeButton = dialog.findChild<QPushButton *>(QStringLiteral("closeButton"));
    QVERIFY(closeButton);
    QTest::mouseClick(closeButton, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
