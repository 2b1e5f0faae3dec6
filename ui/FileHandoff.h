#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;
class QUrl;
class QWidget;

namespace crosstalk::ui {

/// Hands bytes that came from a peer over to the person: saved where they
/// choose, or opened with the application their desktop has for the type.
/// Neither blocks the GUI thread: the file dialog is opened, not exec'd, and
/// the bytes are produced (decoded) and written on a worker thread.
class FileHandoff
{
    Q_DECLARE_TR_FUNCTIONS(FileHandoff)

public:
    /// Where it went (error empty), or why not. Called on the GUI thread, and
    /// only while the context given is alive.
    using Done = std::function<void(const QString &path, const QString &error)>;

    /// Asks where to save (a file dialog, or the chooser a test set) with
    /// `suggestedName` made safe (see safeFileName()), then writes what
    /// `produce` returns (run on the worker) there. Nothing happens when the
    /// person cancels.
    static void save(QWidget *parent, const QString &suggestedName, std::function<QByteArray()> produce, Done done);

    /// Writes what `produce` returns to a new temporary file named with the
    /// usual suffix of `mimeType` and opens it with the desktop's application
    /// for it (or the opener a test set). Only audio, video and images are
    /// opened, and only when the bytes do not look like another kind of
    /// file: a peer cannot make this start a program. The temporary files are
    /// removed when the application ends.
    static void open(QObject *context, const QString &mimeType, std::function<QByteArray()> produce, Done done);

    /// The usual file name suffix for a MIME type ("wav" for audio/wav), or
    /// empty when the type is unknown.
    static QString suffixFor(const QString &mimeType);

    /// A peer's name for a file as a name to suggest: its last path segment,
    /// without control characters, hidden characters revealed.
    static QString safeFileName(const QString &peerName);

    /// For tests: answers the save dialog instead of a person (an empty
    /// answer cancels). An empty function brings the dialog back.
    using PathChooser = std::function<QString(QWidget *parent, const QString &suggestedName)>;
    static void setPathChooser(PathChooser chooser);
    /// For tests: opens files instead of QDesktopServices::openUrl.
    using UrlOpener = std::function<bool(const QUrl &url)>;
    static void setUrlOpener(UrlOpener opener);
};

} // namespace crosstalk::ui
