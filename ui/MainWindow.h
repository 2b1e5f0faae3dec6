#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QWidget;

namespace crosstalk::ui {

class AboutDialog;

/// Crosstalk's main window. It arranges the views and owns the menus; it holds
/// no protocol or connection logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createPlaceholder();
    void showAboutDialog();
    void restoreWindowSettings();
    void saveWindowSettings() const;

    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
};

} // namespace crosstalk::ui
