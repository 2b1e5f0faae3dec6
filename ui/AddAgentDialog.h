#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace crosstalk::ui {

/// Asks for an agent's URL (its base URL or its card's) and an optional
/// name. The URL is checked as it is typed; OK is enabled only for an http
/// or https URL with a host.
class AddAgentDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddAgentDialog(QWidget *parent = nullptr);

    QUrl url() const;
    QString name() const;
    /// Why the typed URL cannot be used (empty when it can).
    QString problem() const;

private:
    void check();

    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace crosstalk::ui
