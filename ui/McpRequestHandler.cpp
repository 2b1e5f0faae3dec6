#include "McpRequestHandler.h"

#include "PeerText.h"
#include "SchemaForm.h"
#include "jsonrpc/ErrorCodes.h"
#include "util/JsonFields.h"
#include "util/Utf8.h"
#include "workspace/Workspace.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace crosstalk::ui {

using nlohmann::json;

namespace {

QString textOf(const json &value, const char *key)
{
    return json_fields::text(value, key);
}

/// One message's content as a person reads it: text as it is, other parts
/// named by their type.
QString contentText(const json &content)
{
    QStringList parts;
    const json list = content.is_array() ? content : json::array({content});
    for (const json &part : list) {
        const QString type = textOf(part, "type");
        if (type == QLatin1String("text"))
            parts.append(textOf(part, "text"));
        else
            parts.append(McpRequestHandler::tr("[%1]").arg(type.isEmpty() ? McpRequestHandler::tr("unknown part") : type));
    }
    return parts.join(QLatin1Char('\n'));
}

} // namespace

McpRequestHandler::McpRequestHandler(workspace::Workspace *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_open([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
}

McpRequestHandler::~McpRequestHandler() = default;

void McpRequestHandler::setRoots(const QStringList &roots)
{
    if (roots == m_roots)
        return;
    m_roots = roots;
    emit rootsChanged();
}

QString McpRequestHandler::serverName(const QString &id) const
{
    const workspace::Connection *c = m_workspace ? m_workspace->connection(id) : nullptr;
    return c && !c->name.isEmpty() ? c->name : id;
}

QDialog *McpRequestHandler::makeDialog(const QString &objectName, const QString &title)
{
    auto *dialog = new QDialog(m_parent);
    dialog->setObjectName(objectName);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->resize(640, 520);
    return dialog;
}

void McpRequestHandler::handleServerRequest(const QString &serverId, const QString &method, const json &params,
                                            mcp::McpClientHandler::Reply reply, mcp::McpClientHandler::Refuse refuse)
{
    if (method == QLatin1String("roots/list")) {
        json roots = json::array();
        for (const QString &uri : std::as_const(m_roots)) {
            const QUrl url(uri);
            roots.push_back({{"uri", uri.toStdString()}, {"name", url.fileName().isEmpty() ? uri.toStdString() : url.fileName().toStdString()}});
        }
        return reply(json{{"roots", roots}});
    }
    const QString server = serverName(serverId);
    if (method == QLatin1String("sampling/createMessage"))
        return sample(server, params, std::move(reply), std::move(refuse));
    if (method == QLatin1String("elicitation/create")) {
        if (textOf(params, "mode") == QLatin1String("url"))
            return elicitUrl(server, params, std::move(reply));
        return elicitForm(server, params, std::move(reply));
    }
    refuse(jsonrpc::ErrorObject{jsonrpc::ErrorCode::MethodNotFound, QStringLiteral("Method not found: ") + method, std::nullopt});
}

void McpRequestHandler::elicitForm(const QString &server, const json &params, mcp::McpClientHandler::Reply reply)
{
    QDialog *dialog = makeDialog(QStringLiteral("elicitationDialog"), tr("Information Requested"));
    auto *intro = makePlainLabel(dialog, QStringLiteral("elicitationServerLabel"));
    setPeerText(intro, tr("The MCP server “%1” asks you:").arg(server));
    auto *message = makeHeadingLabel(dialog, QStringLiteral("elicitationMessage"));
    setPeerText(message, textOf(params, "message"));
    auto *form = new SchemaForm(dialog);
    form->setObjectName(QStringLiteral("elicitationForm"));
    const json *schema = json_fields::member(params, "requestedSchema");
    form->setSchema(schema && schema->is_object() ? schema::OrderedJson(*schema) : schema::OrderedJson::object());
    auto *scroll = new QScrollArea(dialog);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form);
    auto *note = makePlainLabel(dialog, QStringLiteral("elicitationNote"));
    note->setText(tr("Only what you accept is sent to the server. Do not give passwords or keys here."));

    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *accept = buttons->addButton(tr("&Accept"), QDialogButtonBox::AcceptRole);
    accept->setObjectName(QStringLiteral("acceptButton"));
    QPushButton *decline = buttons->addButton(tr("&Decline"), QDialogButtonBox::RejectRole);
    decline->setObjectName(QStringLiteral("declineButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    accept->setEnabled(form->isValid());
    connect(form, &SchemaForm::validityChanged, accept, &QPushButton::setEnabled);

    auto once = std::make_shared<bool>(false);
    const auto answer = [dialog, once, reply](const json &result) {
        if (std::exchange(*once, true))
            return;
        reply(result);
        dialog->close();
    };
    const auto acceptNow = [form, answer] {
        if (!form->isValid())
            return;
        const schema::OrderedJson value = form->value();
        answer(json{{"action", "accept"}, {"content", value.is_discarded() ? json::object() : json(value)}});
    };
    connect(accept, &QPushButton::clicked, dialog, acceptNow);
    connect(form, &SchemaForm::submitRequested, dialog, acceptNow);
    connect(decline, &QPushButton::clicked, dialog, [answer] { answer(json{{"action", "decline"}}); });
    connect(cancel, &QPushButton::clicked, dialog, [answer] { answer(json{{"action", "cancel"}}); });
    // Closed any other way: cancelled.
    connect(dialog, &QDialog::finished, dialog, [answer] { answer(json{{"action", "cancel"}}); });

    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(message);
    layout->addWidget(scroll, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    dialog->show();
    emit requestShown(dialog);
}

void McpRequestHandler::elicitUrl(const QString &server, const json &params, mcp::McpClientHandler::Reply reply)
{
    QDialog *dialog = makeDialog(QStringLiteral("urlElicitationDialog"), tr("Open a Page?"));
    dialog->resize(600, 300);
    const QString text = textOf(params, "url");
    const QUrl url(text, QUrl::StrictMode);
    const bool web = url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
        && !url.host().isEmpty();
    auto *intro = makePlainLabel(dialog, QStringLiteral("elicitationServerLabel"));
    setPeerText(intro, tr("The MCP server “%1” asks you to open a page in your browser:").arg(server));
    auto *message = makePlainLabel(dialog, QStringLiteral("elicitationMessage"));
    setPeerText(message, textOf(params, "message"));
    auto *urlLabel = makePlainLabel(dialog, QStringLiteral("elicitationUrl"));
    setPeerText(urlLabel, text);
    auto *domain = makeHeadingLabel(dialog, QStringLiteral("elicitationDomain"));
    if (!web)
        domain->setText(tr("This is not a web address, and Crosstalk does not open it."));
    else if (url.scheme() != QLatin1String("https"))
        domain->setText(tr("It leads to %1, without encryption (http).").arg(revealHiddenCharacters(url.host())));
    else
        domain->setText(tr("It leads to %1.").arg(revealHiddenCharacters(url.host())));

    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *open = buttons->addButton(tr("&Open in Browser"), QDialogButtonBox::AcceptRole);
    open->setObjectName(QStringLiteral("openButton"));
    open->setEnabled(web);
    QPushButton *decline = buttons->addButton(tr("&Decline"), QDialogButtonBox::RejectRole);
    decline->setObjectName(QStringLiteral("declineButton"));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    decline->setDefault(true);

    auto once = std::make_shared<bool>(false);
    const auto answer = [dialog, once, reply](const json &result) {
        if (std::exchange(*once, true))
            return;
        reply(result);
        dialog->close();
    };
    connect(open, &QPushButton::clicked, dialog, [this, answer, url] {
        m_open(url);
        answer(json{{"action", "accept"}});
    });
    connect(decline, &QPushButton::clicked, dialog, [answer] { answer(json{{"action", "decline"}}); });
    connect(cancel, &QPushButton::clicked, dialog, [answer] { answer(json{{"action", "cancel"}}); });
    connect(dialog, &QDialog::finished, dialog, [answer] { answer(json{{"action", "cancel"}}); });

    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(message);
    layout->addWidget(urlLabel);
    layout->addWidget(domain);
    layout->addStretch(1);
    layout->addWidget(buttons);
    dialog->show();
    emit requestShown(dialog);
}

void McpRequestHandler::sample(const QString &server, const json &params, mcp::McpClientHandler::Reply reply,
                               mcp::McpClientHandler::Refuse refuse)
{
    QDialog *dialog = makeDialog(QStringLiteral("samplingDialog"), tr("A Model's Reply Requested"));
    auto *intro = makePlainLabel(dialog, QStringLiteral("samplingServerLabel"));
    setPeerText(intro, tr("The MCP server “%1” asks for a model's reply (sampling). You write it, or reject the request.")
                           .arg(server));

    // The request as it came, in words.
    QStringList shown;
    if (const QString system = textOf(params, "systemPrompt"); !system.isEmpty())
        shown << tr("System prompt:") << system << QString();
    if (const json *messages = json_fields::member(params, "messages"); messages && messages->is_array()) {
        for (const json &m : *messages)
            shown << QStringLiteral("%1: %2").arg(textOf(m, "role"), contentText(m.value("content", json())));
    }
    QStringList details;
    if (const json *prefs = json_fields::member(params, "modelPreferences"); prefs && prefs->is_object()) {
        QStringList hints;
        if (const json *list = json_fields::member(*prefs, "hints"); list && list->is_array()) {
            for (const json &hint : *list)
                hints << textOf(hint, "name");
        }
        if (!hints.isEmpty())
            details << tr("Models hinted: %1").arg(hints.join(QStringLiteral(", ")));
        for (const auto &[key, label] : {std::pair{"costPriority", tr("cost")}, std::pair{"speedPriority", tr("speed")},
                                         std::pair{"intelligencePriority", tr("intelligence")}}) {
            if (const json *v = json_fields::member(*prefs, key); v && v->is_number())
                details << tr("Priority of %1: %2").arg(label).arg(v->get<double>());
        }
    }
    if (const json *max = json_fields::member(params, "maxTokens"); max && max->is_number())
        details << tr("At most %1 tokens").arg(max->get<double>());
    if (const json *tools = json_fields::member(params, "tools"); tools && tools->is_array() && !tools->empty()) {
        QStringList names;
        for (const json &tool : *tools)
            names << textOf(tool, "name");
        details << tr("Tools offered to the model: %1").arg(names.join(QStringLiteral(", ")));
    }
    if (const QString context = textOf(params, "includeContext"); !context.isEmpty())
        details << tr("Context asked for: %1").arg(context);
    auto *request = new QPlainTextEdit(dialog);
    request->setObjectName(QStringLiteral("samplingRequest"));
    request->setReadOnly(true);
    request->setPlainText(revealHiddenCharacters(shown.join(QLatin1Char('\n'))));
    auto *detailLabel = makePlainLabel(dialog, QStringLiteral("samplingDetails"));
    setPeerText(detailLabel, details.join(QStringLiteral(" · ")));

    auto *answerEdit = new QPlainTextEdit(dialog);
    answerEdit->setObjectName(QStringLiteral("samplingReply"));
    answerEdit->setPlaceholderText(tr("The reply, as the model would give it"));
    auto *model = new QLineEdit(QStringLiteral("crosstalk (written by hand)"), dialog);
    model->setObjectName(QStringLiteral("samplingModel"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Model:"), model);

    auto *buttons = new QDialogButtonBox(dialog);
    QPushButton *send = buttons->addButton(tr("&Send Reply"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("sendButton"));
    send->setEnabled(false);
    QPushButton *reject = buttons->addButton(tr("&Reject"), QDialogButtonBox::RejectRole);
    reject->setObjectName(QStringLiteral("rejectButton"));
    connect(answerEdit, &QPlainTextEdit::textChanged, send,
            [send, answerEdit] { send->setEnabled(!answerEdit->toPlainText().trimmed().isEmpty()); });

    auto once = std::make_shared<bool>(false);
    const auto refuseNow = [dialog, once, refuse] {
        if (std::exchange(*once, true))
            return;
        refuse(jsonrpc::ErrorObject{-1, QStringLiteral("The user rejected the sampling request."), std::nullopt});
        dialog->close();
    };
    connect(send, &QPushButton::clicked, dialog, [dialog, once, reply, answerEdit, model] {
        if (answerEdit->toPlainText().trimmed().isEmpty() || std::exchange(*once, true))
            return;
        reply(json{{"role", "assistant"},
                   {"content", {{"type", "text"}, {"text", answerEdit->toPlainText().toStdString()}}},
                   {"model", model->text().trimmed().isEmpty() ? std::string("crosstalk") : model->text().trimmed().toStdString()},
                   {"stopReason", "endTurn"}});
        dialog->close();
    });
    connect(reject, &QPushButton::clicked, dialog, refuseNow);
    connect(dialog, &QDialog::finished, dialog, refuseNow);

    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(intro);
    layout->addWidget(request, 2);
    layout->addWidget(detailLabel);
    layout->addWidget(new QLabel(tr("Your reply:"), dialog));
    layout->addWidget(answerEdit, 1);
    layout->addLayout(form);
    layout->addWidget(buttons);
    dialog->show();
    emit requestShown(dialog);
}

} // namespace crosstalk::ui
