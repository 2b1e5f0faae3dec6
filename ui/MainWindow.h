#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QStackedWidget;
class QWidget;

namespace crosstalk::workspace {
class ConnectionStates;
class Workspace;
class WorkspaceStore;
}

namespace crosstalk::ui {

class AboutDialog;
class ConnectionsSidebar;

/// What the main window shows and acts on, made by the composition root.
struct WorkspaceServices
{
    workspace::Workspace *workspace = nullptr;
    workspace::ConnectionStates *states = nullptr;
    /// Saves, imports and exports; may be null (nothing is saved then).
    workspace::WorkspaceStore *store = nullptr;
};

/// Crosstalk's main window. It arranges the views and owns the menus; it holds
/// no protocol or connection logic of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const WorkspaceServices &services, QWidget *parent = nullptr);

    ConnectionsSidebar *sidebar() const { return m_sidebar; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QWidget *createPlaceholder();
    void createSidebar();
    void updatePlaceholder();
    void importWorkspace();
    void exportWorkspace();
    void showAboutDialog();
    void restoreWindowSettings();
    void saveWindowSettings() const;

    WorkspaceServices m_services;
    ConnectionsSidebar *m_sidebar = nullptr;
    QDockWidget *m_sidebarDock = nullptr;
    QLabel *m_placeholderTitle = nullptr;
    QLabel *m_placeholderText = nullptr;
    QAction *m_addAgentAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_aboutQtAction = nullptr;
    QPointer<AboutDialog> m_aboutDialog;
};

} // namespace crosstalk::ui
