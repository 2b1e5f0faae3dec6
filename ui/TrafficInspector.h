#pragma once

#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;
class QTabWidget;
class QToolButton;
class QTreeWidget;

namespace crosstalk::traffic {
class TrafficLog;
struct TrafficEntry;
}

namespace crosstalk::ui {

class TrafficModel;

/// Every exchange of every connection, in the Wireshark manner: the table,
/// a filter bar (debounced; an invalid filter is shown as such and not
/// applied), a chooser of connections and "errors only"; the chosen
/// message's details (headers with secrets already masked, the body as
/// text and as a JSON tree, laid out off the GUI thread), its request or
/// response one click away, copy as curl, export as NDJSON, pause and clear.
class TrafficInspector : public QWidget
{
    Q_OBJECT

public:
    explicit TrafficInspector(traffic::TrafficLog *log, QWidget *parent = nullptr);
    ~TrafficInspector() override;

    TrafficModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// The curl command line for an HTTP request entry (empty for others).
    static QString curlCommand(const traffic::TrafficEntry &entry);

public slots:
    void goToLinked();
    void copyAsCurl();
    void exportNdjson();

signals:
    /// The details of the chosen entry were laid out.
    void detailsShown(quint64 seq);
    /// An export ended; `error` is empty when the file was written.
    void exported(const QString &path, const QString &error);

private:
    void applyFilter();
    void showDetails();
    void setFilterState(const QString &error);

    QPointer<traffic::TrafficLog> m_log;
    TrafficModel *m_model = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_connectionBox = nullptr;
    QCheckBox *m_errorsOnlyBox = nullptr;
    QToolButton *m_pauseButton = nullptr;
    QToolButton *m_linkedButton = nullptr;
    QToolButton *m_curlButton = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_view = nullptr;
    QTabWidget *m_details = nullptr;
    QPlainTextEdit *m_rawEdit = nullptr;
    QTreeWidget *m_tree = nullptr;
    QTimer m_filterTimer;
    QThreadPool m_pool;
    quint64 m_detailGeneration = 0;
};

} // namespace crosstalk::ui
