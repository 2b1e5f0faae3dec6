#include "FileHandoff.h"

#include "PeerText.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMimeDatabase>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStringList>
#include <QTemporaryFile>
#include <QThreadPool>
#include <QUrl>

namespace crosstalk::ui {

namespace {

FileHandoff::PathChooser &pathChooser()
{
    static FileHandoff::PathChooser chooser;
    return chooser;
}

FileHandoff::UrlOpener &urlOpener()
{
    static FileHandoff::UrlOpener opener;
    return opener;
}

/// The temporary files open() made; touched on the GUI thread only.
QStringList &temporaries()
{
    static QStringList files;
    return files;
}

void removeTemporaries()
{
    for (const QString &path : std::as_const(temporaries()))
        QFile::remove(path);
    temporaries().clear();
}

void keepTemporary(const QString &path)
{
    static bool registered = false;
    if (!registered) {
        qAddPostRoutine(removeTemporaries);
        registered = true;
    }
    temporaries().append(path);
}

QString topLevel(const QString &mimeName)
{
    return mimeName.section(QLatin1Char('/'), 0, 0);
}

/// Whether bytes declared as `declared` may be handed to a viewer: the
/// content, sniffed, is not another kind of file (a desktop entry, a
/// script, a program) dressed up as media.
bool looksLike(const QMimeType &declared, const QByteArray &bytes)
{
    const QMimeType sniffed = QMimeDatabase().mimeTypeForData(bytes);
    if (sniffed.isDefault() || sniffed == declared || declared.inherits(sniffed.name()) || sniffed.inherits(declared.name()))
        return true;
    const QString kind = topLevel(sniffed.name());
    const QString wanted = topLevel(declared.name());
    if (kind == wanted)
        return true;
    // Audio often comes in a video container (mp4, webm, ogg) and the other way round.
    const bool media = kind == QLatin1String("audio") || kind == QLatin1String("video")
        || sniffed.name() == QLatin1String("application/ogg");
    return media && (wanted == QLatin1String("audio") || wanted == QLatin1String("video"));
}

} // namespace

QString FileHandoff::safeFileName(const QString &peerName)
{
    QString name = peerName.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    static const QRegularExpression control(QStringLiteral("[\\x00-\\x1f\\x7f]"));
    name.remove(control);
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        name.clear();
    return revealHiddenCharacters(name);
}

QString FileHandoff::suffixFor(const QString &mimeType)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType.trimmed().section(QLatin1Char(';'), 0, 0));
    return type.isValid() ? type.preferredSuffix() : QString();
}

void FileHandoff::save(QWidget *parent, const QString &suggestedName, std::function<QByteArray()> produce, Done done)
{
    const QString name = safeFileName(suggestedName);
    const QPointer<QWidget> context(parent);
    auto write = [context, produce = std::move(produce), done = std::move(done)](const QString &path) {
        if (path.isEmpty())
            return;
        QThreadPool::globalInstance()->start([context, path, produce, done] {
            QSaveFile file(path);
            QString error;
            if (!file.open(QIODevice::WriteOnly))
                error = file.errorString();
            else if (file.write(produce()) < 0 || !file.commit())
                error = file.errorString();
            QMetaObject::invokeMethod(
                qApp,
                [context, path, error, done] {
                    if (context && done)
                        done(path, error);
                },
                Qt::QueuedConnection);
        });
    };
    if (pathChooser()) {
        write(pathChooser()(parent, name));
        return;
    }
    auto *dialog = new QFileDialog(parent, tr("Save"), name);
    dialog->setObjectName(QStringLiteral("saveFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog, write);
    dialog->open();
}

void FileHandoff::open(QObject *context, const QString &mimeType, std::function<QByteArray()> produce, Done done)
{
    const QPointer<QObject> guard(context);
    const QString declaredName = mimeType.trimmed().section(QLatin1Char(';'), 0, 0).toLower();
    QThreadPool::globalInstance()->start([guard, declaredName, produce = std::move(produce), done = std::move(done)] {
        const QMimeType declared = QMimeDatabase().mimeTypeForName(declaredName);
        const QString kind = topLevel(declared.name());
        QString path;
        QString error;
        if (!declared.isValid() || declared.preferredSuffix().isEmpty()) {
            error = tr("The type “%1” is not known here, so no application can be chosen for it.").arg(declaredName);
        } else if (kind != QLatin1String("audio") && kind != QLatin1String("video") && kind != QLatin1String("image")) {
            error = tr("Only audio, video and images are opened with another application.");
        } else {
            const QByteArray bytes = produce();
            if (!looksLike(declared, bytes)) {
                error = tr("The data does not look like %1 (it looks like %2), so it was not opened.")
                            .arg(declared.name(), QMimeDatabase().mimeTypeForData(bytes).name());
            } else {
                QTemporaryFile file(QDir::tempPath() + QStringLiteral("/crosstalk-XXXXXX.") + declared.preferredSuffix());
                file.setAutoRemove(false);
                if (!file.open() || file.write(bytes) != bytes.size() || !file.flush()) {
                    error = file.errorString();
                    file.remove();
                } else {
                    path = file.fileName();
                }
            }
        }
        QMetaObject::invokeMethod(
            qApp,
            [guard, path, error, done] {
                if (!path.isEmpty())
                    keepTemporary(path);
                if (!guard)
                    return;
                QString failure = error;
                if (failure.isEmpty()) {
                    const QUrl url = QUrl::fromLocalFile(path);
                    const bool opened = urlOpener() ? urlOpener()(url) : QDesktopServices::openUrl(url);
                    if (!opened)
                        failure = tr("No application could open it.");
                }
                if (done)
                    done(path, failure);
            },
            Qt::QueuedConnection);
    });
}

void FileHandoff::setPathChooser(PathChooser chooser)
{
    pathChooser() = std::move(chooser);
}

void FileHandoff::setUrlOpener(UrlOpener opener)
{
    urlOpener() = std::move(opener);
}

} // namespace crosstalk::ui
