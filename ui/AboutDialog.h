#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace crosstalk::ui {

/// Crosstalk's version, the Qt it runs on, and the licences of Crosstalk and
/// of what it uses, as plain text.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

private:
    void fillLicences();

    QLabel *m_versionLabel = nullptr;
    QTableWidget *m_licencesView = nullptr;
};

} // namespace crosstalk::ui
