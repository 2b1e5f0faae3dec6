#include "SchemaForm.h"

#include "JsonHighlighter.h"
#include "PeerText.h"
#include "util/Utf8.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QTextLayout>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QUuid>
#include <QVBoxLayout>
#include <QWidgetAction>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace crosstalk::ui {

using schema::FieldKind;
using schema::FormNode;
using schema::OrderedJson;
using schema::SchemaProblem;
using schema::TextFormat;

namespace {

/// How long the value rests before it is checked again.
constexpr int ValidateDelayMs = 50;
/// Groups nested deeper than this start closed; an object's fields are made
/// when it is first opened.
constexpr int OpenDepth = 2;
/// Items of an array or members of a map shown as rows; a value with more is
/// kept as it is and edited as JSON.
constexpr size_t MaxRows = 500;
/// An object with more fields than this lays them out in blocks of this
/// many: a change beside one field then lays out its block, not all of them.
constexpr size_t BlockRows = 40;
/// Fields made for one object; a schema with more keeps the rest in the
/// value as they are, to be edited as JSON (a peer can send 20,000).
constexpr size_t MaxShownFields = 2000;
/// A check of the value against the schema slower than this moves off the
/// GUI thread from then on.
constexpr qint64 SlowCheckMs = 30;
/// Examples offered in a field's menu.
constexpr size_t MaxExamples = 20;

using MaybeJson = std::optional<OrderedJson>;

QString jsonText(const OrderedJson &value, int indent = -1)
{
    return utf8ToString(value.dump(indent, ' ', false, OrderedJson::error_handler_t::replace));
}

std::string toUtf8(const QString &text)
{
    return text.toStdString();
}

QString escapeToken(QString token)
{
    token.replace(QLatin1Char('~'), QStringLiteral("~0")).replace(QLatin1Char('/'), QStringLiteral("~1"));
    return token;
}

QString childPointer(const QString &base, const QString &token)
{
    return base + QLatin1Char('/') + escapeToken(token);
}

QString parentPointer(const QString &pointer)
{
    const qsizetype at = pointer.lastIndexOf(QLatin1Char('/'));
    return at <= 0 ? QString() : pointer.left(at);
}

QString unescapeToken(QString token)
{
    token.replace(QStringLiteral("~1"), QStringLiteral("/")).replace(QStringLiteral("~0"), QStringLiteral("~"));
    return token;
}

nlohmann::json toPlain(const OrderedJson &value)
{
    try {
        return nlohmann::json::parse(value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace));
    } catch (const nlohmann::json::exception &) {
        return nlohmann::json();
    }
}

/// A value as one short line for a menu: strings as they are, the rest as
/// JSON; hidden characters revealed, "&" kept from becoming a mnemonic.
QString menuText(const OrderedJson &value)
{
    QString text = value.is_string() ? utf8ToString(value.get_ref<const std::string &>()) : jsonText(value);
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (text.size() > 60)
        text = text.left(59) + QChar(0x2026);
    return revealHiddenCharacters(text).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

/// The message of a parse error without nlohmann's "[json.exception…] " prefix.
QString parseError(const QString &text)
{
    try {
        const OrderedJson parsed = OrderedJson::parse(text.toStdString());
        Q_UNUSED(parsed)
    } catch (const nlohmann::json::exception &e) {
        QString message = QString::fromUtf8(e.what());
        if (message.startsWith(QLatin1Char('[')) && message.contains(QStringLiteral("] ")))
            message = message.mid(message.indexOf(QStringLiteral("] ")) + 2);
        return message;
    }
    return QString();
}

// --- formats ---------------------------------------------------------------

bool validDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() && QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()).isValid();
}

bool validTime(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?([Zz]|[+-]([01]\\d|2[0-3]):[0-5]\\d)$"));
    return re.match(text).hasMatch();
}

bool validDateTime(const QString &text)
{
    const qsizetype t = text.indexOf(QRegularExpression(QStringLiteral("[Tt]")));
    return t == 10 && validDate(text.left(t)) && validTime(text.mid(t + 1));
}

bool validEmail(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)*$"));
    return re.match(text).hasMatch();
}

bool validUri(const QString &text, bool reference)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:"));
    static const QRegularExpression space(QStringLiteral("\\s"));
    if (text.contains(space))
        return false;
    if (!reference && !scheme.match(text).hasMatch())
        return false;
    return QUrl(text, QUrl::StrictMode).isValid();
}

bool validUuid(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f]{8}-([0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$"));
    return re.match(text).hasMatch();
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('Z');
}

// --- numbers ---------------------------------------------------------------

/// A bound as people write it: 0, not 0.0.
QString numberText(double value)
{
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return jsonText(OrderedJson(value));
}

struct ParsedNumber
{
    MaybeJson value;      ///< nullopt: empty or not a number
    QString problem; ///< why the text is not one
};

ParsedNumber parseNumber(const QString &input, bool integer)
{
    static const QRegularExpression whole(QStringLiteral("^[+-]?\\d+$"));
    static const QRegularExpression decimal(QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
    const QString text = input.trimmed();
    if (text.isEmpty())
        return {};
    if (whole.match(text).hasMatch()) {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (ok)
            return {OrderedJson(n), {}};
        const quint64 u = text.startsWith(QLatin1Char('-')) ? 0 : text.toULongLong(&ok);
        if (ok)
            return {OrderedJson(u), {}};
        if (integer)
            return {std::nullopt, SchemaForm::tr("Too large for a whole number.")};
    } else if (integer) {
        return {std::nullopt, decimal.match(text).hasMatch() ? SchemaForm::tr("Not a whole number.")
                                                             : SchemaForm::tr("Not a number.")};
    }
    if (!decimal.match(text).hasMatch())
        return {std::nullopt, SchemaForm::tr("Not a number.")};
    bool ok = false;
    const double d = text.toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return {std::nullopt, SchemaForm::tr("Not a number JSON can hold.")};
    return {OrderedJson(d), {}};
}

/// Whether `value` is a multiple of `step`, allowing for binary fractions.
bool isMultiple(const OrderedJson &value, double step)
{
    if (step <= 0)
        return true;
    if (value.is_number_integer() && step == std::floor(step) && step < 9.0e15) {
        const auto divisor = qint64(step);
        if (value.is_number_unsigned())
            return value.get<quint64>() % quint64(divisor) == 0;
        return value.get<qint64>() % divisor == 0;
    }
    const double q = value.get<double>() / step;
    return std::fabs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::fabs(q));
}

// --- initial values --------------------------------------------------------

/// The value a field holds before anyone touches it: its default (when
/// `withDefaults`), else what an empty field of its kind gives. Mirrors what
/// the fields below produce, so that an object whose fields are not made yet
/// holds the same value as one whose fields are.
MaybeJson initialValueOf(const FormNode &node, bool required, bool withDefaults)
{
    if (withDefaults && node.defaultValue)
        return node.defaultValue;
    if (!required)
        return std::nullopt;
    switch (node.kind) {
    case FieldKind::Text: return OrderedJson("");
    case FieldKind::Boolean: return OrderedJson(false);
    case FieldKind::Choice:
        if (node.options.size() == 1)
            return node.options.front().value;
        return std::nullopt;
    case FieldKind::Null: return OrderedJson();
    case FieldKind::Object: {
        OrderedJson object = OrderedJson::object();
        for (const FormNode &property : node.properties) {
            if (MaybeJson v = initialValueOf(property, property.required, withDefaults))
                object[toUtf8(property.key)] = std::move(*v);
        }
        return object;
    }
    case FieldKind::Map: return OrderedJson::object();
    case FieldKind::Array: return OrderedJson::array();
    case FieldKind::Tuple: {
        OrderedJson array = OrderedJson::array();
        for (const FormNode &item : node.prefixItems)
            array.push_back(initialValueOf(item, true, withDefaults).value_or(OrderedJson()));
        return array;
    }
    case FieldKind::Variant: {
        if (node.variants.empty())
            return std::nullopt;
        const FormNode &first = node.variants.front();
        MaybeJson v = initialValueOf(first, true, withDefaults);
        if (!node.discriminator.isEmpty() && v && v->is_object()) {
            for (const FormNode &property : first.properties) {
                if (property.key == node.discriminator && property.options.size() == 1)
                    (*v)[toUtf8(property.key)] = property.options.front().value;
            }
        }
        return v;
    }
    case FieldKind::Number:
    case FieldKind::Json:
    case FieldKind::Recursive: return std::nullopt;
    }
    return std::nullopt;
}

/// Whether a null item or position stands for one left empty: an empty
/// field of this kind gives null in an array (it has no blank value of its
/// own), so null given back empties it again instead of being its text.
bool nullMeansEmpty(const FormNode &node)
{
    return !node.nullable && node.kind != FieldKind::Null && node.kind != FieldKind::Json
        && !initialValueOf(node, true, false);
}

MaybeJson itemValue(const FormNode &node, const OrderedJson &value)
{
    if (value.is_null() && nullMeansEmpty(node))
        return std::nullopt;
    return value;
}

// --- valijson's messages in plain words -----------------------------------

QString plainMessage(const QString &message)
{
    struct Known
    {
        QRegularExpression re;
        std::function<QString(const QRegularExpressionMatch &)> say;
    };
    static const std::vector<Known> known = [] {
        std::vector<Known> k;
        const auto add = [&k](const char *pattern, std::function<QString(const QRegularExpressionMatch &)> say) {
            k.push_back({QRegularExpression(QLatin1String(pattern)), std::move(say)});
        };
        add("^Elements at indexes #(\\d+) and #(\\d+) violate uniqueness constraint\\.$", [](const auto &m) {
            return SchemaForm::tr("Items %1 and %2 are the same; each must differ.")
                .arg(m.captured(1).toInt() + 1)
                .arg(m.captured(2).toInt() + 1);
        });
        add("^Array should contain no fewer than (\\d+) elements\\.$",
            [](const auto &m) { return SchemaForm::tr("At least %n item(s).", nullptr, m.captured(1).toInt()); });
        add("^Array should contain no more than (\\d+) elements\\.$",
            [](const auto &m) { return SchemaForm::tr("At most %n item(s).", nullptr, m.captured(1).toInt()); });
        add("^String should be no fewer than (\\d+) characters in length\\.$",
            [](const auto &m) { return SchemaForm::tr("At least %n character(s).", nullptr, m.captured(1).toInt()); });
        add("^String should be no more than (\\d+) characters in length\\.$",
            [](const auto &m) { return SchemaForm::tr("At most %n character(s).", nullptr, m.captured(1).toInt()); });
        add("^Object should have no fewer than (\\d+) properties\\.$",
            [](const auto &m) { return SchemaForm::tr("At least %n member(s).", nullptr, m.captured(1).toInt()); });
        add("^Object should have no more than (\\d+) properties\\.$",
            [](const auto &m) { return SchemaForm::tr("At most %n member(s).", nullptr, m.captured(1).toInt()); });
        add("^Failed to match regex specified by 'pattern' constraint\\.$",
            [](const auto &) { return SchemaForm::tr("Does not match the pattern the schema asks for."); });
        add("^Value type not permitted by 'type' constraint\\.$",
            [](const auto &) { return SchemaForm::tr("Not the type of value the schema asks for."); });
        add("^Failed to match against any enum values\\.$",
            [](const auto &) { return SchemaForm::tr("Not one of the allowed values."); });
        add("^Failed to match expected value set by 'const' constraint\\.$",
            [](const auto &) { return SchemaForm::tr("Not the one value allowed here."); });
        add("^Object contains a property that could not be validated using 'properties' or 'additionalProperties' "
            "constraints: '(.*)'\\.$",
            [](const auto &m) { return SchemaForm::tr("“%1” is not allowed here.").arg(m.captured(1)); });
        add("^String should be a valid date$", [](const auto &) { return SchemaForm::tr("Not a date (YYYY-MM-DD)."); });
        add("^String should be a valid time$",
            [](const auto &) { return SchemaForm::tr("Not a time (hh:mm:ss and an offset such as Z)."); });
        add("^String should be a valid date-time$", [](const auto &) {
            return SchemaForm::tr("Not a date and time (RFC 3339, such as 2026-01-31T12:00:00Z).");
        });
        add("^Failed to validate against exactly one child schema\\.$",
            [](const auto &) { return SchemaForm::tr("Must match exactly one of the options."); });
        add("^Failed to validate against any schemas allowed by anyOf constraint\\.$",
            [](const auto &) { return SchemaForm::tr("Matches none of the options."); });
        return k;
    }();
    for (const Known &k : known) {
        const QRegularExpressionMatch m = k.re.match(message);
        if (m.hasMatch())
            return k.say(m);
    }
    return message;
}

class Field;

/// What the form holds and does, shared by its fields.
struct FormState
{
    explicit FormState(SchemaForm *owner)
        : q(owner)
    {
    }
    ~FormState();
    Q_DISABLE_COPY_MOVE(FormState)

    SchemaForm *q;
    OrderedJson schema = OrderedJson::object();
    /// The schema as valijson takes it, shared with the worker that checks.
    std::shared_ptr<const nlohmann::json> plainSchema = std::make_shared<const nlohmann::json>(nlohmann::json::object());
    std::unique_ptr<FormNode> root;
    std::unique_ptr<Field> rootField;

    QToolButton *jsonButton = nullptr;
    QToolButton *fillButton = nullptr;
    QLabel *checkNote = nullptr;
    QStackedWidget *stack = nullptr;
    QScrollArea *scroll = nullptr;
    QWidget *content = nullptr;
    QPlainTextEdit *jsonEdit = nullptr;
    QLabel *jsonProblems = nullptr;
    QObject *keys = nullptr;
    QTimer timer;
    /// Checks that take long run here, one at a time; it is waited for
    /// when the form goes, so that its answer always finds the form.
    QThreadPool pool;
    /// Raised by each check: an answer for an older value is dropped.
    quint64 generation = 0;
    int checking = 0;        ///< checks running or waiting on the pool
    bool checkAgain = false; ///< the value changed while it ran
    bool stale = false;      ///< what is shown is not of the value now
    qint64 lastCheckMs = 0;
    int loading = 0;
    bool jsonMode = false;
    bool valid = true;
    QList<SchemaProblem> problems;
    QSet<Field *> showing;

    /// Something was changed by the person: tell, and check again soon.
    void edited();
    /// Ctrl+Return in `editor` asks for the form to be sent.
    void watch(QWidget *editor) const { editor->installEventFilter(keys); }
    void rebuild();
    /// Checks the value: the fields' own checks here, the schema here too
    /// when `wait` or when that is quick, else on the pool.
    void revalidate(bool wait = false);
    /// Shows what a check found.
    void finish(const QList<SchemaProblem> &local, const schema::SchemaCheck &check);
    void flush()
    {
        if (timer.isActive() || stale)
            revalidate(true);
    }
    void setFieldsValue(const OrderedJson &value);
    MaybeJson fieldsValue() const;
    /// Whether `value` meets the schema at `node` (a variant).
    bool matches(const FormNode &node, const OrderedJson &value) const;
};

/// Values set by the program, not typed: the fields do not report them.
struct Loading
{
    explicit Loading(FormState *d)
        : m_d(d)
    {
        ++m_d->loading;
    }
    ~Loading() { --m_d->loading; }
    Q_DISABLE_COPY_MOVE(Loading)

private:
    FormState *m_d;
};

class SubmitKeys : public QObject
{
public:
    explicit SubmitKeys(SchemaForm *form)
        : QObject(form)
        , m_form(form)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride) {
            const auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
                event->accept();
                if (event->type() == QEvent::KeyPress)
                    emit m_form->submitRequested();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    SchemaForm *m_form;
};

/// Word-wrapped plain text (help, notes, problems). A QLabel, so that its
/// text() is what is shown, but laid out with one QTextLayout kept for the
/// text: layouts ask for the height at many widths, and a word-wrapped QLabel
/// shapes its text anew for each answer, which in a form of a thousand
/// descriptions is most of the time it takes to show.
class TextBlock : public QLabel
{
public:
    explicit TextBlock(QWidget *parent = nullptr)
        : QLabel(parent)
    {
        setTextFormat(Qt::PlainText);
        QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
        policy.setHeightForWidth(true);
        setSizePolicy(policy);
    }

    int heightForWidth(int width) const override { return layOut(width); }
    QSize sizeHint() const override
    {
        prepare();
        const int width = std::min(m_natural, fontMetrics().averageCharWidth() * 80);
        return {width, layOut(width)};
    }
    QSize minimumSizeHint() const override
    {
        prepare();
        // All its lines at the width it has: a scroll area squeezes its
        // widget down to the minimum, and the text must not be cut.
        const int narrowest = std::min(m_natural, fontMetrics().averageCharWidth() * 12);
        // Before it is shown it has no width of its own yet: the width
        // sizeHint() laid it out for is used (and kept).
        const int at = testAttribute(Qt::WA_WState_Visible) && width() > narrowest
            ? width()
            : std::min(m_natural, fontMetrics().averageCharWidth() * 80);
        return {narrowest, layOut(std::max(at, 1))};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setPen(palette().color(foregroundRole()));
        const QRect area = contentsRect();
        layOut(area.width());
        m_layout.draw(&painter, area.topLeft());
    }

    void resizeEvent(QResizeEvent *event) override
    {
        QLabel::resizeEvent(event);
        if (event->size().width() != event->oldSize().width() && layOut(event->size().width()) != event->size().height())
            updateGeometry(); // more or fewer lines at this width
    }

    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
            m_prepared = false;
        QLabel::changeEvent(event);
    }

private:
    void prepare() const
    {
        if (m_prepared && text() == m_source)
            return;
        m_prepared = true;
        m_source = text();
        QString shown = m_source;
        shown.replace(QLatin1Char('\n'), QChar::LineSeparator);
        m_layout.setText(shown);
        m_layout.setFont(font());
        QTextOption option;
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        m_layout.setTextOption(option);
        m_width = -1;
        // The width of its longest line, unwrapped.
        layOut(1 << 20);
        qreal natural = 0;
        for (int i = 0; i < m_layout.lineCount(); ++i)
            natural = std::max(natural, m_layout.lineAt(i).naturalTextWidth());
        m_natural = int(std::ceil(natural));
    }

    int layOut(int width) const
    {
        prepare();
        width = std::max(width, 1);
        // Lines laid out unwrapped stay as they are at any width they fit
        // in (laying out again shapes the text again). They are aligned
        // left, as in a QLabel, whatever the text's direction.
        if (width == m_width || (m_natural > 0 && m_width >= m_natural && width >= m_natural))
            return m_height;
        qreal y = 0;
        m_layout.beginLayout();
        for (QTextLine line = m_layout.createLine(); line.isValid(); line = m_layout.createLine()) {
            line.setLineWidth(width);
            line.setPosition(QPointF(0, y));
            y += line.height();
        }
        m_layout.endLayout();
        m_width = width;
        m_height = int(std::ceil(y));
        return m_height;
    }

    mutable QTextLayout m_layout;
    mutable QString m_source;
    mutable bool m_prepared = false;
    mutable int m_natural = 0;
    mutable int m_width = -1;
    mutable int m_height = 0;
};

QLabel *makeProblemLabel()
{
    auto *label = new TextBlock;
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb7, 0x1c, 0x1c));
    label->setPalette(palette);
    return label;
}

QLabel *makeHelpLabel(QWidget *parent, const QString &text)
{
    auto *label = new TextBlock(parent);
    setPeerText(label, text);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

/// A combo box of many or long options is sized without measuring them all
/// (a peer may list thousands, and one long title would widen the form).
/// Only then: that way of sizing makes the combo's popup at once.
void boundWidth(QComboBox *combo, size_t count, const std::function<QString(size_t)> &title)
{
    bool bound = count > 50;
    for (size_t i = 0; i < count && !bound; ++i)
        bound = title(i).size() > 60;
    if (!bound)
        return;
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(20);
}

QToolButton *makeButton(QWidget *parent, const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

// ------------------------------------------------------------------ Field

/// One field of the form: its widgets, its value and its own checks. A
/// field's widgets sit in its `column` (and `label`), which its parent lays
/// out; a field is destroyed before its widgets, which die with their parent
/// widget.
class Field
{
    Q_DISABLE_COPY_MOVE(Field)

public:
    struct Init
    {
        FormState *form = nullptr;
        Field *parent = nullptr;
        const FormNode *node = nullptr;
        QWidget *host = nullptr; ///< the widget the field's column is laid out in
        QString pointer;
        bool required = false;
        int depth = 0;
        std::optional<QString> title; ///< instead of the node's label
        bool flat = false;            ///< an object without a group of its own
        bool open = false;            ///< a group open whatever its depth
    };

    explicit Field(const Init &init)
        : m_form(init.form)
        , m_parent(init.parent)
        , m_node(init.node)
        , m_host(init.host)
        , m_pointer(init.pointer)
        , m_required(init.required)
        , m_depth(init.depth)
        , m_title(init.title.value_or(init.node->label))
        , m_flat(init.flat && init.node->kind == FieldKind::Object)
        , m_column(new QVBoxLayout)
    {
        m_column->setContentsMargins(0, 0, 0, 0);
        m_column->setSpacing(2);
    }
    virtual ~Field()
    {
        m_form->showing.remove(this);
        // Only a column that was never laid out is this field's to delete.
        if (!m_column->parent())
            delete m_column;
    }

    const FormNode &node() const { return *m_node; }
    const QString &pointer() const { return m_pointer; }
    Field *parent() const { return m_parent; }
    FormState *form() const { return m_form; }
    int depth() const { return m_depth; }
    QLabel *label() const { return m_label; }
    QVBoxLayout *column() const { return m_column; }
    bool required() const { return m_required; }

    MaybeJson value() const
    {
        if (m_foreign)
            return m_foreign;
        if (isNull())
            return OrderedJson();
        return ownValue();
    }

    void setValue(const MaybeJson &value)
    {
        m_foreign.reset();
        m_keepEmpty = false;
        const bool null = m_null && value && value->is_null();
        if (m_null)
            m_null->setChecked(null);
        if (null)
            setOwnValue(std::nullopt);
        else if (!setOwnValue(value))
            m_foreign = value;
        updateEditable();
    }

    /// The field's own problems (not those of the fields inside it).
    void problems(QList<SchemaProblem> &out) const
    {
        if (!m_foreign && !isNull())
            ownProblems(out);
    }

    virtual void forEachChild(const std::function<void(Field &)> &visit) { Q_UNUSED(visit) }

    void setPointer(const QString &pointer)
    {
        m_pointer = pointer;
        for (const auto &[widget, prefix] : m_named)
            widget->setObjectName(prefix + m_pointer);
        repoint();
    }

    void setTitle(const QString &title)
    {
        m_title = title;
        if (m_titleLabel)
            showTitle();
    }

    /// Shows the field's problems beside it. The label is made when needed
    /// and shown by its layout, and deleted once there are none: showing a
    /// widget by hand lays out its parent at once, which in a form of a
    /// thousand fields costs a pass over all of them each time.
    void showProblems(const QStringList &messages)
    {
        if (messages.isEmpty()) {
            if (m_problem) {
                std::erase_if(m_named, [this](const auto &named) { return named.first == m_problem; });
                delete m_problem;
                m_problem = nullptr;
            }
            return;
        }
        if (!m_problem) {
            m_problem = makeProblemLabel();
            name(m_problem, QStringLiteral("problem:"));
            QBoxLayout *into = m_problemLayout ? m_problemLayout : m_column;
            const int at = m_problemBefore ? into->indexOf(m_problemBefore) : -1;
            into->insertWidget(at, m_problem);
        }
        setPeerText(m_problem, QStringLiteral("⚠ ") + messages.join(QLatin1Char('\n')));
    }

    /// The person changed this field (or one inside it): what it was given
    /// and could not show is dropped, and the groups holding it take part in
    /// the value.
    void userEdited(bool touchSelf = true)
    {
        if (m_form->loading > 0)
            return;
        for (Field *f = this; f; f = f->m_parent) {
            f->m_foreign.reset();
            f->m_keepEmpty = false;
            if (f != this || touchSelf)
                f->touch();
        }
        m_form->edited();
    }

    /// Makes a Choice hold its one value, unchangeable (a variant's discriminator).
    virtual void lock() {}

protected:
    virtual MaybeJson ownValue() const = 0;
    /// Shows `value`; false when the field cannot hold it (it is then kept as it is).
    virtual bool setOwnValue(const MaybeJson &value) = 0;
    virtual void ownProblems(QList<SchemaProblem> &out) const { Q_UNUSED(out) }
    virtual void setEditable(bool editable) = 0;
    virtual void repoint() {}
    virtual void touch() {}
    virtual bool locked() const { return false; }

    bool isNull() const { return m_null && m_null->isChecked(); }
    bool isReadOnly() const { return m_node->readOnly; }

    void updateEditable()
    {
        setEditable(!isReadOnly() && !isNull() && !locked());
        if (m_null)
            m_null->setEnabled(!isReadOnly() && !locked());
    }

    /// Names `widget` prefix + pointer, and again when the pointer changes.
    void name(QWidget *widget, const QString &prefix)
    {
        widget->setObjectName(prefix + m_pointer);
        m_named.push_back({widget, prefix});
    }

    /// What follows the title: the required mark, "deprecated".
    QString titleSuffix() const
    {
        QString text;
        if (m_title.isEmpty())
            return text;
        // Items, positions and map values are always there: only a
        // property is marked required.
        if (m_required && !m_node->key.isEmpty())
            text += QStringLiteral(" *");
        if (m_node->deprecated)
            text += SchemaForm::tr(" (deprecated)");
        return text;
    }

    /// The title as plain text; a long one is cut short (it would widen the
    /// label column of every field) and shown whole in the tool tip.
    void showTitle()
    {
        constexpr qsizetype LongTitle = 40;
        QString title = revealHiddenCharacters(m_title);
        QString tip = titleToolTip();
        if (title.size() > LongTitle) {
            const QFontMetrics metrics = m_titleLabel->fontMetrics();
            const QString shown = metrics.elidedText(title, Qt::ElideRight, metrics.averageCharWidth() * int(LongTitle));
            if (shown != title) {
                // Rich text made here, around the escaped title.
                tip = QStringLiteral("<p>") + escapeForRichText(title) + QStringLiteral("</p>")
                    + (tip.isEmpty() ? QString() : QStringLiteral("<p>") + tip.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")) + QStringLiteral("</p>"));
                title = shown;
            }
        }
        m_titleLabel->setTextFormat(Qt::PlainText);
        m_titleLabel->setText(title + titleSuffix());
        m_titleLabel->setToolTip(tip);
    }

    QString titleToolTip() const
    {
        QStringList tips;
        if (m_required && !m_node->key.isEmpty())
            tips << SchemaForm::tr("Required");
        if (isReadOnly())
            tips << SchemaForm::tr("Read-only: the value is kept as it is");
        if (m_node->deprecated)
            tips << SchemaForm::tr("Deprecated: better left alone");
        return tips.join(QLatin1Char('\n'));
    }

    QLabel *makeTitle(QWidget *parent)
    {
        m_titleLabel = new QLabel(parent);
        name(m_titleLabel, QStringLiteral("label:"));
        showTitle();
        if (m_node->deprecated) {
            QFont font = m_titleLabel->font();
            font.setStrikeOut(true);
            m_titleLabel->setFont(font);
        }
        return m_titleLabel;
    }

    /// The description as help, and the note (with the reference never fetched).
    void addNotes(QBoxLayout *layout, QWidget *parent)
    {
        if (!m_node->description.isEmpty()) {
            QLabel *help = makeHelpLabel(parent, m_node->description);
            name(help, QStringLiteral("help:"));
            layout->addWidget(help);
        }
        QString note = m_node->note;
        if (!m_node->externalRef.isEmpty() && !note.contains(m_node->externalRef))
            note += (note.isEmpty() ? QString() : QStringLiteral("\n"))
                + SchemaForm::tr("Refers to %1 (never fetched).").arg(m_node->externalRef);
        if (!note.isEmpty()) {
            QLabel *label = makeHelpLabel(parent, note);
            name(label, QStringLiteral("note:"));
            layout->addWidget(label);
        }
    }

    QToolButton *makeExamplesButton(QWidget *parent)
    {
        if (m_node->examples.empty())
            return nullptr;
        m_examples = makeButton(parent, SchemaForm::tr("Examples"), SchemaForm::tr("Put an example in"));
        name(m_examples, QStringLiteral("examples:"));
        auto *menu = new QMenu(m_examples);
        menu->setObjectName(QStringLiteral("examplesMenu"));
        for (size_t i = 0; i < std::min(m_node->examples.size(), MaxExamples); ++i) {
            QAction *action = menu->addAction(menuText(m_node->examples[i]));
            QObject::connect(action, &QAction::triggered, &m_guard, [this, i] {
                {
                    Loading loading(m_form);
                    setValue(m_node->examples[i]);
                }
                userEdited();
            });
        }
        QToolButton *button = m_examples;
        QObject::connect(button, &QToolButton::clicked, menu,
                         [button, menu] { menu->popup(button->mapToGlobal(QPoint(0, button->height()))); });
        return m_examples;
    }

    QCheckBox *makeNullToggle(QWidget *parent)
    {
        if (!m_node->nullable)
            return nullptr;
        m_null = new QCheckBox(SchemaForm::tr("null"), parent);
        m_null->setToolTip(SchemaForm::tr("Send null instead of a value"));
        name(m_null, QStringLiteral("null:"));
        m_form->watch(m_null);
        QObject::connect(m_null, &QCheckBox::toggled, &m_guard, [this] {
            updateEditable();
            userEdited();
        });
        return m_null;
    }

    /// A field with one editor: the label in the parent's label column, the
    /// editor (with its buttons) then help and note in the column.
    void buildScalar(QWidget *editor, const QList<QWidget *> &buttons)
    {
        if (!m_title.isEmpty())
            m_label = makeTitle(m_host);
        m_editor = editor;
        name(editor, QStringLiteral("field:"));
        QList<QWidget *> extras = buttons;
        if (QToolButton *examples = makeExamplesButton(m_host))
            extras << examples;
        if (QCheckBox *null = makeNullToggle(m_host))
            extras << null;
        if (extras.isEmpty()) {
            m_column->addWidget(editor);
        } else {
            auto *row = new QHBoxLayout;
            row->setSpacing(4);
            row->addWidget(editor, 1);
            for (QWidget *extra : std::as_const(extras))
                row->addWidget(extra, 0, Qt::AlignTop);
            m_column->addLayout(row);
        }
        addNotes(m_column, m_host);
    }

    /// A compound field: a group with a header (title, buttons), help, its
    /// problems and a body; flat: the body alone (the root, a variant's body).
    void buildGroup(bool open)
    {
        if (m_flat) {
            addNotes(m_column, m_host);
            m_body = new QWidget(m_host);
            name(m_body, QStringLiteral("field:"));
            m_column->addWidget(m_body);
            m_problemBefore = m_column->count() > 0 ? m_column->itemAt(0)->widget() : nullptr;
            setOpen(true);
            return;
        }
        m_group = new QWidget(m_host);
        name(m_group, QStringLiteral("field:"));
        auto *layout = new QVBoxLayout(m_group);
        layout->setContentsMargins(0, 2, 0, 2);
        layout->setSpacing(2);
        m_header = new QHBoxLayout;
        m_header->setSpacing(4);
        m_toggle = new QToolButton(m_group);
        m_toggle->setAutoRaise(true);
        m_toggle->setToolTip(SchemaForm::tr("Show or hide what this holds"));
        name(m_toggle, QStringLiteral("toggle:"));
        m_header->addWidget(m_toggle);
        QLabel *title = makeTitle(m_group);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        m_header->addWidget(title);
        if (QToolButton *examples = makeExamplesButton(m_group))
            m_header->addWidget(examples);
        if (QCheckBox *null = makeNullToggle(m_group))
            m_header->addWidget(null);
        m_header->addStretch(1);
        layout->addLayout(m_header);
        addNotes(layout, m_group);
        m_body = new QWidget(m_group);
        layout->addWidget(m_body);
        m_problemLayout = layout;
        m_problemBefore = m_body;
        m_column->addWidget(m_group);
        QObject::connect(m_toggle, &QToolButton::clicked, &m_guard, [this] { setOpen(!m_open); });
        setOpen(open);
    }

    /// The margins of a group's body: indented under its header.
    static void indentBody(QLayout *layout, bool flat)
    {
        if (flat)
            layout->setContentsMargins(0, 0, 0, 0);
        else
            layout->setContentsMargins(18, 2, 0, 4);
    }

    void setOpen(bool open)
    {
        if (open)
            opening();
        m_open = open;
        if (m_toggle)
            m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        if (m_body && !m_flat)
            m_body->setVisible(open);
    }
    /// Called before a group opens (an object makes its fields then).
    virtual void opening() {}

    /// Whether a group at this depth starts open.
    bool startsOpen(const Init &init) const { return init.open || init.flat || m_depth <= OpenDepth; }

    /// Sets the first value: the default, else an empty field.
    void start()
    {
        Loading loading(m_form);
        setValue(initialValueOf(*m_node, m_required, true));
    }

    FormState *m_form;
    Field *m_parent;
    const FormNode *m_node;
    QWidget *m_host;
    QString m_pointer;
    bool m_required;
    int m_depth;
    QString m_title;
    bool m_flat;
    QVBoxLayout *m_column;
    QLabel *m_label = nullptr;      // a scalar's label, for the parent's label column
    QLabel *m_titleLabel = nullptr; // the label or the group's title
    QWidget *m_editor = nullptr;
    QWidget *m_group = nullptr;
    QWidget *m_body = nullptr;
    QHBoxLayout *m_header = nullptr;
    QToolButton *m_toggle = nullptr;
    QToolButton *m_examples = nullptr;
    QCheckBox *m_null = nullptr;
    QLabel *m_problem = nullptr;
    QBoxLayout *m_problemLayout = nullptr;
    QWidget *m_problemBefore = nullptr;
    bool m_open = true;
    /// A value the field was given and cannot show: kept as it is until edited.
    MaybeJson m_foreign;
    /// An optional field given an empty value ("", [], {}): kept until edited.
    bool m_keepEmpty = false;
    std::vector<std::pair<QWidget *, QString>> m_named;
    /// The receiver of the field's connections: they end with the field.
    QObject m_guard;
};

std::unique_ptr<Field> makeField(const Field::Init &init);

QFormLayout *makeFormLayout(QWidget *parent)
{
    auto *layout = new QFormLayout(parent);
    layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->setVerticalSpacing(6);
    return layout;
}

/// Places a child field in a form layout: label and column, or the column
/// across both when it is a group or has no label.
void place(QFormLayout *layout, Field *field)
{
    if (field->label())
        layout->addRow(field->label(), field->column());
    else
        layout->addRow(field->column());
}

/// Takes a widget out of the form now (so that nothing finds it by name) and
/// deletes it once the event that led here is over.
void dispose(QWidget *widget)
{
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
}

// ------------------------------------------------------------------ Text

class TextField : public Field
{
public:
    explicit TextField(const Init &init)
        : Field(init)
    {
        const FormNode &n = *m_node;
        QWidget *editor = nullptr;
        if (n.format == TextFormat::MultiLine) {
            m_multi = new QPlainTextEdit(m_host);
            m_multi->setTabChangesFocus(true);
            m_multi->setFixedHeight(m_multi->fontMetrics().lineSpacing() * 4 + 12);
            QObject::connect(m_multi, &QPlainTextEdit::textChanged, &m_guard, [this] { userEdited(); });
            editor = m_multi;
        } else {
            m_line = new QLineEdit(m_host);
            QObject::connect(m_line, &QLineEdit::textChanged, &m_guard, [this] { userEdited(); });
            editor = m_line;
        }
        m_form->watch(editor);
        QList<QWidget *> buttons;
        switch (n.format) {
        case TextFormat::Date:
            m_line->setPlaceholderText(SchemaForm::tr("YYYY-MM-DD"));
            buttons << makePicker(false);
            break;
        case TextFormat::DateTime:
            m_line->setPlaceholderText(SchemaForm::tr("YYYY-MM-DDThh:mm:ssZ"));
            buttons << makePicker(true);
            break;
        case TextFormat::Time: {
            m_line->setPlaceholderText(SchemaForm::tr("hh:mm:ssZ"));
            QToolButton *now = makeButton(m_host, SchemaForm::tr("Now"), SchemaForm::tr("The time now, in UTC"));
            name(now, QStringLiteral("picker:"));
            QObject::connect(now, &QToolButton::clicked, &m_guard, [this] { m_line->setText(nowUtc().mid(11)); });
            buttons << now;
            m_buttons << now;
            break;
        }
        case TextFormat::Email: m_line->setPlaceholderText(SchemaForm::tr("name@example.com")); break;
        case TextFormat::Uri: m_line->setPlaceholderText(SchemaForm::tr("https://…")); break;
        case TextFormat::Uuid: {
            m_line->setPlaceholderText(SchemaForm::tr("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"));
            QToolButton *generate = makeButton(m_host, SchemaForm::tr("Generate"), SchemaForm::tr("A new random UUID"));
            name(generate, QStringLiteral("generate:"));
            QObject::connect(generate, &QToolButton::clicked, &m_guard,
                             [this] { m_line->setText(QUuid::createUuid().toString(QUuid::WithoutBraces)); });
            buttons << generate;
            m_buttons << generate;
            break;
        }
        case TextFormat::Plain:
        case TextFormat::MultiLine: break;
        }
        buildScalar(editor, buttons);
        start();
    }

protected:
    QString text() const { return m_multi ? m_multi->toPlainText() : m_line->text(); }
    void setText(const QString &text)
    {
        if (m_multi)
            m_multi->setPlainText(text);
        else
            m_line->setText(text);
    }

    MaybeJson ownValue() const override
    {
        const QString t = text();
        if (t.isEmpty() && !m_required && !m_keepEmpty)
            return std::nullopt;
        return OrderedJson(toUtf8(t));
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        if (!value) {
            setText(QString());
            return true;
        }
        if (!value->is_string()) {
            setText(jsonText(*value));
            return false;
        }
        const QString t = utf8ToString(value->get_ref<const std::string &>());
        setText(t);
        m_keepEmpty = t.isEmpty() && !m_required;
        return text() == t;
    }

    void ownProblems(QList<SchemaProblem> &out) const override
    {
        const QString t = text();
        const FormNode &n = *m_node;
        if (t.isEmpty()) {
            if (m_required && n.format != TextFormat::Plain && n.format != TextFormat::MultiLine)
                out.append({m_pointer, SchemaForm::tr("Required.")});
            else if (m_required || m_keepEmpty) {
                if (n.minLength && *n.minLength > 0)
                    out.append({m_pointer, SchemaForm::tr("At least %n character(s).", nullptr, int(*n.minLength))});
            }
            return;
        }
        QString problem;
        switch (n.format) {
        case TextFormat::Date:
            if (!validDate(t))
                problem = SchemaForm::tr("Not a date (YYYY-MM-DD).");
            break;
        case TextFormat::DateTime:
            if (!validDateTime(t))
                problem = SchemaForm::tr("Not a date and time (RFC 3339, such as 2026-01-31T12:00:00Z).");
            break;
        case TextFormat::Time:
            if (!validTime(t))
                problem = SchemaForm::tr("Not a time (hh:mm:ss and an offset such as Z).");
            break;
        case TextFormat::Email:
            if (!validEmail(t))
                problem = SchemaForm::tr("Not an email address.");
            break;
        case TextFormat::Uri:
            if (!validUri(t, n.schema.value("format", OrderedJson()) == "uri-reference"))
                problem = SchemaForm::tr("Not a URI.");
            break;
        case TextFormat::Uuid:
            if (!validUuid(t))
                problem = SchemaForm::tr("Not a UUID.");
            break;
        case TextFormat::Plain:
        case TextFormat::MultiLine: break;
        }
        if (problem.isEmpty()) {
            const auto length = qint64(t.toUcs4().size());
            if (n.minLength && length < *n.minLength)
                problem = SchemaForm::tr("At least %n character(s).", nullptr, int(*n.minLength));
            else if (n.maxLength && length > *n.maxLength)
                problem = SchemaForm::tr("At most %n character(s).", nullptr, int(*n.maxLength));
        }
        if (!problem.isEmpty())
            out.append({m_pointer, problem});
    }

    void setEditable(bool editable) override
    {
        m_editor->setEnabled(editable);
        for (QWidget *button : std::as_const(m_buttons))
            button->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
    }

private:
    /// A date (or date and time) picked from a calendar that opens on demand.
    QToolButton *makePicker(bool withTime)
    {
        QToolButton *picker = makeButton(m_host, QStringLiteral("…"),
                                         withTime ? SchemaForm::tr("Pick a date, or take the time now")
                                                  : SchemaForm::tr("Pick a date"));
        name(picker, QStringLiteral("picker:"));
        m_buttons << picker;
        QObject::connect(picker, &QToolButton::clicked, &m_guard, [this, picker, withTime] {
            auto *menu = new QMenu(picker);
            menu->setAttribute(Qt::WA_DeleteOnClose);
            auto *calendar = new QCalendarWidget(menu);
            calendar->setObjectName(QStringLiteral("calendar"));
            const QDate shown = QDate::fromString(m_line->text().left(10), Qt::ISODate);
            if (shown.isValid())
                calendar->setSelectedDate(shown);
            auto *action = new QWidgetAction(menu);
            action->setDefaultWidget(calendar);
            menu->addAction(action);
            QObject::connect(calendar, &QCalendarWidget::clicked, menu, [this, menu, withTime](QDate date) {
                QString text = date.toString(Qt::ISODate);
                if (withTime) {
                    const QString current = m_line->text();
                    text += current.size() > 10 && validDateTime(current) ? current.mid(10) : QStringLiteral("T00:00:00Z");
                }
                m_line->setText(text);
                menu->close();
            });
            if (withTime) {
                QAction *now = menu->addAction(SchemaForm::tr("Now"));
                QObject::connect(now, &QAction::triggered, menu, [this] { m_line->setText(nowUtc()); });
            }
            menu->popup(picker->mapToGlobal(QPoint(0, picker->height())));
        });
        return picker;
    }

    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_multi = nullptr;
    QList<QWidget *> m_buttons;
};

// ------------------------------------------------------------------ Number

class NumberField : public Field
{
public:
    explicit NumberField(const Init &init)
        : Field(init)
    {
        m_edit = new QLineEdit(m_host);
        m_edit->setPlaceholderText(hint());
        m_form->watch(m_edit);
        QObject::connect(m_edit, &QLineEdit::textChanged, &m_guard, [this] { userEdited(); });
        buildScalar(m_edit, {});
        start();
    }

protected:
    QString hint() const
    {
        const FormNode &n = *m_node;
        QStringList parts;
        parts << (n.integer ? SchemaForm::tr("whole number") : SchemaForm::tr("number"));
        if (n.minimum)
            parts << (n.exclusiveMinimum ? SchemaForm::tr("> %1") : SchemaForm::tr("≥ %1")).arg(numberText(*n.minimum));
        if (n.maximum)
            parts << (n.exclusiveMaximum ? SchemaForm::tr("< %1") : SchemaForm::tr("≤ %1")).arg(numberText(*n.maximum));
        if (n.multipleOf)
            parts << SchemaForm::tr("a multiple of %1").arg(numberText(*n.multipleOf));
        return parts.join(QStringLiteral(", "));
    }

    MaybeJson ownValue() const override { return parseNumber(m_edit->text(), m_node->integer).value; }

    bool setOwnValue(const MaybeJson &value) override
    {
        if (!value) {
            m_edit->clear();
            return true;
        }
        if (value->is_number_integer()) {
            m_edit->setText(jsonText(*value));
            return true;
        }
        if (value->is_number_float()) {
            const double d = value->get<double>();
            if (m_node->integer) {
                if (d == std::floor(d) && std::fabs(d) < 9.0e15) {
                    m_edit->setText(QString::number(qint64(d)));
                    return true;
                }
                m_edit->setText(jsonText(*value));
                return false;
            }
            m_edit->setText(jsonText(*value));
            return true;
        }
        m_edit->setText(value->is_string() ? utf8ToString(value->get_ref<const std::string &>()) : jsonText(*value));
        return false;
    }

    void ownProblems(QList<SchemaProblem> &out) const override
    {
        const FormNode &n = *m_node;
        const ParsedNumber parsed = parseNumber(m_edit->text(), n.integer);
        if (!parsed.problem.isEmpty()) {
            out.append({m_pointer, parsed.problem});
            return;
        }
        if (!parsed.value) {
            if (m_required)
                out.append({m_pointer, SchemaForm::tr("Required.")});
            return;
        }
        const double d = parsed.value->get<double>();
        QString problem;
        if (n.minimum && (n.exclusiveMinimum ? d <= *n.minimum : d < *n.minimum))
            problem = (n.exclusiveMinimum ? SchemaForm::tr("Must be more than %1.") : SchemaForm::tr("At least %1."))
                          .arg(numberText(*n.minimum));
        else if (n.maximum && (n.exclusiveMaximum ? d >= *n.maximum : d > *n.maximum))
            problem = (n.exclusiveMaximum ? SchemaForm::tr("Must be less than %1.") : SchemaForm::tr("At most %1."))
                          .arg(numberText(*n.maximum));
        else if (n.multipleOf && !isMultiple(*parsed.value, *n.multipleOf))
            problem = SchemaForm::tr("Must be a multiple of %1.").arg(numberText(*n.multipleOf));
        if (!problem.isEmpty())
            out.append({m_pointer, problem});
    }

    void setEditable(bool editable) override
    {
        m_edit->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
    }

private:
    QLineEdit *m_edit;
};

// ------------------------------------------------------------------ Boolean

class BoolField : public Field
{
public:
    explicit BoolField(const Init &init)
        : Field(init)
    {
        QWidget *editor = nullptr;
        if (m_required) {
            m_check = new QCheckBox(m_host);
            QObject::connect(m_check, &QCheckBox::toggled, &m_guard, [this] { userEdited(); });
            editor = m_check;
        } else {
            m_combo = new QComboBox(m_host);
            m_combo->addItem(SchemaForm::tr("— not set —"));
            m_combo->addItem(QStringLiteral("true"));
            m_combo->addItem(QStringLiteral("false"));
            QObject::connect(m_combo, &QComboBox::currentIndexChanged, &m_guard, [this] { userEdited(); });
            editor = m_combo;
        }
        m_form->watch(editor);
        buildScalar(editor, {});
        start();
    }

protected:
    MaybeJson ownValue() const override
    {
        if (m_check)
            return OrderedJson(m_check->isChecked());
        if (m_combo->currentIndex() <= 0)
            return std::nullopt;
        return OrderedJson(m_combo->currentIndex() == 1);
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        const bool known = !value || value->is_boolean();
        const bool on = value && value->is_boolean() && value->get<bool>();
        if (m_check)
            m_check->setChecked(on);
        else
            m_combo->setCurrentIndex(!value || !known ? 0 : on ? 1 : 2);
        return known;
    }

    void setEditable(bool editable) override
    {
        m_editor->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
    }

private:
    QCheckBox *m_check = nullptr;
    QComboBox *m_combo = nullptr;
};

// ------------------------------------------------------------------ Choice

class ChoiceField : public Field
{
public:
    explicit ChoiceField(const Init &init)
        : Field(init)
    {
        m_combo = new QComboBox(m_host);
        boundWidth(m_combo, m_node->options.size(), [this](size_t i) { return m_node->options[i].title; });
        m_unset = !(m_required && m_node->options.size() == 1);
        if (m_unset)
            m_combo->addItem(SchemaForm::tr("— not set —"), -1);
        for (size_t i = 0; i < m_node->options.size(); ++i)
            m_combo->addItem(revealHiddenCharacters(m_node->options[i].title), int(i));
        m_form->watch(m_combo);
        QObject::connect(m_combo, &QComboBox::currentIndexChanged, &m_guard, [this] { userEdited(); });
        buildScalar(m_combo, {});
        start();
    }

    void lock() override
    {
        if (m_node->options.size() != 1)
            return;
        m_locked = true;
        Loading loading(m_form);
        setValue(m_node->options.front().value);
    }

protected:
    bool locked() const override { return m_locked; }

    MaybeJson ownValue() const override
    {
        if (m_locked)
            return m_node->options.front().value;
        const int option = m_combo->currentData().toInt();
        if (option == -2)
            return m_other;
        if (option < 0 || size_t(option) >= m_node->options.size())
            return std::nullopt;
        return m_node->options[size_t(option)].value;
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        // A value not among the options is kept, shown as one more entry.
        const int otherAt = m_combo->findData(-2);
        if (otherAt >= 0)
            m_combo->removeItem(otherAt);
        m_other.reset();
        if (!value) {
            m_combo->setCurrentIndex(0);
            return true;
        }
        for (size_t i = 0; i < m_node->options.size(); ++i) {
            if (m_node->options[i].value == *value) {
                m_combo->setCurrentIndex(m_combo->findData(int(i)));
                return true;
            }
        }
        m_other = value;
        m_combo->addItem(SchemaForm::tr("%1 (not one of the options)").arg(revealHiddenCharacters(jsonText(*value))), -2);
        m_combo->setCurrentIndex(m_combo->count() - 1);
        return true;
    }

    void ownProblems(QList<SchemaProblem> &out) const override
    {
        if (m_required && !ownValue())
            out.append({m_pointer, SchemaForm::tr("Required.")});
    }

    void setEditable(bool editable) override
    {
        m_combo->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
    }

private:
    QComboBox *m_combo;
    bool m_unset = true;
    bool m_locked = false;
    MaybeJson m_other;
};

// ------------------------------------------------------------------ Null

class NullField : public Field
{
public:
    explicit NullField(const Init &init)
        : Field(init)
    {
        QWidget *editor = nullptr;
        if (m_required) {
            auto *label = new QLabel(SchemaForm::tr("null (nothing to fill in)"), m_host);
            label->setForegroundRole(QPalette::PlaceholderText);
            editor = label;
        } else {
            m_send = new QCheckBox(SchemaForm::tr("Send null"), m_host);
            m_form->watch(m_send);
            QObject::connect(m_send, &QCheckBox::toggled, &m_guard, [this] { userEdited(); });
            editor = m_send;
        }
        buildScalar(editor, {});
        start();
    }

protected:
    MaybeJson ownValue() const override
    {
        if (m_send && !m_send->isChecked())
            return std::nullopt;
        return OrderedJson();
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        if (m_send)
            m_send->setChecked(value.has_value());
        return !value || value->is_null();
    }

    void setEditable(bool editable) override
    {
        if (m_send)
            m_send->setEnabled(editable);
    }

private:
    QCheckBox *m_send = nullptr;
};

// ------------------------------------------------------------------ Json

class JsonField : public Field
{
public:
    explicit JsonField(const Init &init)
        : Field(init)
    {
        m_edit = new QPlainTextEdit(m_host);
        m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        m_edit->setTabChangesFocus(true);
        m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_edit->setPlaceholderText(SchemaForm::tr("JSON"));
        m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 12);
        new JsonHighlighter(m_edit->document());
        m_form->watch(m_edit);
        QObject::connect(m_edit, &QPlainTextEdit::textChanged, &m_guard, [this] { userEdited(); });
        buildScalar(m_edit, {});
        if (m_node->note.isEmpty() && m_node->externalRef.isEmpty()) {
            QLabel *any = makeHelpLabel(m_host, SchemaForm::tr("Any JSON value."));
            name(any, QStringLiteral("note:"));
            m_column->addWidget(any);
        }
        start();
    }

protected:
    MaybeJson ownValue() const override
    {
        const QString text = m_edit->toPlainText();
        if (text.trimmed().isEmpty())
            return std::nullopt;
        OrderedJson parsed = OrderedJson::parse(text.toStdString(), nullptr, false);
        if (parsed.is_discarded())
            return std::nullopt;
        return parsed;
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        m_edit->setPlainText(value ? jsonText(*value, 2) : QString());
        return true;
    }

    void ownProblems(QList<SchemaProblem> &out) const override
    {
        const QString text = m_edit->toPlainText();
        if (text.trimmed().isEmpty()) {
            if (m_required)
                out.append({m_pointer, SchemaForm::tr("Required.")});
            return;
        }
        const QString error = parseError(text);
        if (!error.isEmpty())
            out.append({m_pointer, SchemaForm::tr("Not JSON: %1").arg(error)});
    }

    void setEditable(bool editable) override
    {
        m_edit->setReadOnly(!editable);
        m_edit->setEnabled(editable || isReadOnly());
        if (m_examples)
            m_examples->setEnabled(editable);
    }

private:
    QPlainTextEdit *m_edit;
};

// ------------------------------------------------------------------ map rows

/// Members of free names: a key and a field for its value a row, added and
/// removed. A Map field's body, or an object's members beyond its properties.
class MapRows
{
    Q_DISABLE_COPY_MOVE(MapRows)

public:
    MapRows(Field *owner, const FormNode *valueNode, QWidget *host, QVBoxLayout *into, QSet<QString> reserved)
        : m_owner(owner)
        , m_valueNode(valueNode)
        , m_host(host)
        , m_reserved(std::move(reserved))
    {
        m_list = new QVBoxLayout;
        m_list->setContentsMargins(0, 0, 0, 0);
        m_list->setSpacing(4);
        into->addLayout(m_list);
        m_add = makeButton(host, SchemaForm::tr("Add member"), SchemaForm::tr("Add a member with a name of your own"));
        m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_add->setAutoRaise(false);
        into->addWidget(m_add, 0, Qt::AlignLeft);
        QObject::connect(m_add, &QToolButton::clicked, &m_guard, [this] {
            add(QString(), true);
            m_owner->userEdited();
        });
        repoint();
    }
    ~MapRows() = default;

    size_t size() const { return m_entries.size(); }

    void forEach(const std::function<void(Field &)> &visit)
    {
        for (Entry &e : m_entries)
            visit(*e.value);
    }

    void clear()
    {
        for (Entry &e : m_entries) {
            e.value.reset();
            dispose(e.row);
        }
        m_entries.clear();
    }

    void setMembers(const std::vector<std::pair<QString, OrderedJson>> &members)
    {
        clear();
        for (const auto &[key, value] : members)
            add(key, false).value->setValue(itemValue(*m_valueNode, value));
    }

    /// Adds each member whose key the object does not have yet.
    void addTo(OrderedJson &object) const
    {
        for (const Entry &e : m_entries) {
            const std::string key = toUtf8(e.key->text());
            if (!object.contains(key))
                object[key] = e.value->value().value_or(OrderedJson());
        }
    }

    void problems(QList<SchemaProblem> &out) const
    {
        QSet<QString> seen;
        for (const Entry &e : m_entries) {
            const QString key = e.key->text();
            const QString pointer = childPointer(m_owner->pointer(), key);
            if (key.isEmpty())
                out.append({pointer, SchemaForm::tr("The name is empty.")});
            else if (m_reserved.contains(key))
                out.append({pointer, SchemaForm::tr("“%1” is a field of its own above.").arg(key)});
            else if (seen.contains(key))
                out.append({pointer, SchemaForm::tr("The name “%1” is used twice.").arg(key)});
            seen.insert(key);
        }
    }

    void repoint()
    {
        m_add->setObjectName(QStringLiteral("add:") + m_owner->pointer());
        for (Entry &e : m_entries)
            rename(e);
    }

    void setEnabled(bool enabled)
    {
        m_add->setEnabled(enabled);
        for (Entry &e : m_entries)
            e.row->setEnabled(enabled);
    }

private:
    struct Entry
    {
        QWidget *row = nullptr;
        QLineEdit *key = nullptr;
        QToolButton *remove = nullptr;
        std::unique_ptr<Field> value;
    };

    void rename(Entry &e)
    {
        const QString pointer = childPointer(m_owner->pointer(), e.key->text());
        e.key->setObjectName(QStringLiteral("key:") + pointer);
        e.remove->setObjectName(QStringLiteral("remove:") + pointer);
        e.value->setPointer(pointer);
    }

    Entry &add(const QString &key, bool open)
    {
        Entry e;
        e.row = new QWidget(m_host);
        auto *layout = new QHBoxLayout(e.row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(4);
        e.key = new QLineEdit(e.row);
        e.key->setPlaceholderText(SchemaForm::tr("name"));
        e.key->setFixedWidth(e.key->fontMetrics().averageCharWidth() * 18);
        {
            Loading loading(m_owner->form());
            e.key->setText(key);
        }
        m_owner->form()->watch(e.key);
        e.remove = makeButton(e.row, QStringLiteral("✕"), SchemaForm::tr("Remove this member"));
        Field::Init init;
        init.form = m_owner->form();
        init.parent = m_owner;
        init.node = m_valueNode;
        init.host = e.row;
        init.pointer = childPointer(m_owner->pointer(), key);
        init.required = true;
        init.depth = m_owner->depth() + 1;
        init.open = open;
        init.title = m_valueNode->kind == FieldKind::Object || m_valueNode->kind == FieldKind::Map
                || m_valueNode->kind == FieldKind::Array || m_valueNode->kind == FieldKind::Tuple
                || m_valueNode->kind == FieldKind::Variant
            ? SchemaForm::tr("Value")
            : QString();
        e.value = makeField(init);
        layout->addWidget(e.key, 0, Qt::AlignTop);
        if (e.value->label())
            layout->addWidget(e.value->label(), 0, Qt::AlignTop);
        layout->addLayout(e.value->column(), 1);
        layout->addWidget(e.remove, 0, Qt::AlignTop);
        m_list->addWidget(e.row);
        QWidget *row = e.row;
        QObject::connect(e.key, &QLineEdit::textChanged, &m_guard, [this, row] {
            for (Entry &entry : m_entries) {
                if (entry.row == row)
                    rename(entry);
            }
            m_owner->userEdited();
        });
        QObject::connect(e.remove, &QToolButton::clicked, &m_guard, [this, row] {
            for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
                if (it->row == row) {
                    it->value.reset();
                    dispose(it->row);
                    m_entries.erase(it);
                    break;
                }
            }
            m_owner->userEdited();
        });
        m_entries.push_back(std::move(e));
        rename(m_entries.back());
        return m_entries.back();
    }

    Field *m_owner;
    const FormNode *m_valueNode;
    QWidget *m_host;
    QSet<QString> m_reserved;
    QVBoxLayout *m_list;
    QToolButton *m_add;
    std::vector<Entry> m_entries;
    QObject m_guard;
};

// ------------------------------------------------------------------ Object

class ObjectField : public Field
{
public:
    explicit ObjectField(const Init &init)
        : Field(init)
    {
        if (!m_required && !m_flat) {
            m_include = new QCheckBox(SchemaForm::tr("Include"), m_host);
            m_include->setToolTip(SchemaForm::tr("Whether this optional group is part of the value; filling in "
                                                 "one of its fields includes it"));
        }
        m_constructing = true;
        buildGroup(startsOpen(init));
        m_constructing = false;
        if (m_include) {
            name(m_include, QStringLiteral("include:"));
            m_form->watch(m_include);
            m_header->insertWidget(m_header->count() - 1, m_include);
            QObject::connect(m_include, &QCheckBox::toggled, &m_guard, [this] { userEdited(false); });
        }
        if (m_built) {
            // The fields took their own defaults; the object's own one wins.
            if (m_node->defaultValue) {
                Loading loading(m_form);
                setValue(*m_node->defaultValue);
            }
        } else {
            // Closed: the value waits for the fields.
            start();
        }
    }

    void forEachChild(const std::function<void(Field &)> &visit) override
    {
        for (auto &child : m_children)
            visit(*child);
        if (m_rows)
            m_rows->forEach(visit);
    }

protected:
    void opening() override
    {
        if (m_built)
            return;
        m_built = true;
        const auto &properties = m_node->properties;
        const bool blocks = properties.size() > BlockRows;
        QFormLayout *layout = nullptr;
        QVBoxLayout *blockLayout = nullptr;
        if (blocks) {
            blockLayout = new QVBoxLayout(m_body);
            indentBody(blockLayout, m_flat);
            blockLayout->setSpacing(6);
        } else {
            layout = makeFormLayout(m_body);
            indentBody(layout, m_flat);
        }
        QList<QLabel *> labels;
        QWidget *host = m_body;
        const size_t shown = std::min(properties.size(), MaxShownFields);
        for (const FormNode &property : properties)
            m_keys.insert(property.key);
        for (size_t i = 0; i < shown; ++i) {
            if (blocks && i % BlockRows == 0) {
                host = new QWidget(m_body);
                layout = makeFormLayout(host);
                layout->setContentsMargins(0, 0, 0, 0);
                blockLayout->addWidget(host);
            }
            const FormNode &property = properties[i];
            Init init;
            init.form = m_form;
            init.parent = this;
            init.node = &property;
            init.host = host;
            init.pointer = childPointer(m_pointer, property.key);
            init.required = property.required;
            init.depth = m_depth + 1;
            std::unique_ptr<Field> child = makeField(init);
            place(layout, child.get());
            if (child->label())
                labels << child->label();
            m_children.push_back(std::move(child));
        }
        // The fields past the limit: their values kept as JSON.
        for (size_t i = shown; i < properties.size(); ++i) {
            m_hidden.push_back(&properties[i]);
            if (MaybeJson v = initialValueOf(properties[i], properties[i].required, true))
                m_hiddenValues[toUtf8(properties[i].key)] = std::move(*v);
        }
        if (blocks) {
            // One label column for all the blocks.
            int width = 0;
            for (QLabel *label : std::as_const(labels))
                width = std::max(width, label->sizeHint().width());
            width = std::min(width, m_body->fontMetrics().averageCharWidth() * 40);
            for (QLabel *label : std::as_const(labels))
                label->setMinimumWidth(width);
            layout = makeFormLayout(nullptr);
            layout->setContentsMargins(0, 0, 0, 0);
            blockLayout->addLayout(layout);
        }
        if (m_node->additional && m_node->kind == FieldKind::Object) {
            auto *extra = new QVBoxLayout;
            extra->setSpacing(4);
            auto *caption = new QLabel(SchemaForm::tr("Other members"), m_body);
            caption->setForegroundRole(QPalette::PlaceholderText);
            extra->addWidget(caption);
            layout->addRow(extra);
            m_rows = std::make_unique<MapRows>(this, m_node->additional.get(), m_body, extra, m_keys);
        }
        if (!m_hidden.empty()) {
            QLabel *more = makeHelpLabel(m_body, SchemaForm::tr("%n more field(s) of this object are not shown: "
                                                                "their values are kept; use Edit as JSON for them.",
                                                                nullptr, int(m_hidden.size())));
            name(more, QStringLiteral("more:"));
            layout->addRow(more);
        }
        m_extraNote = makeHelpLabel(m_body, QString());
        m_extraNote->hide();
        name(m_extraNote, QStringLiteral("kept:"));
        layout->addRow(m_extraNote);
        if (m_node->properties.empty() && !m_rows) {
            auto *none = new QLabel(SchemaForm::tr("No fields."), m_body);
            none->setForegroundRole(QPalette::PlaceholderText);
            layout->addRow(none);
        }
        // The fields show what the group held while closed; a group left out
        // shows its fields' defaults.
        if (!m_constructing && !(m_include && !m_pending)) {
            Loading loading(m_form);
            setOwnValue(m_pending);
        }
        m_pending.reset();
        updateEditable();
    }

    MaybeJson ownValue() const override
    {
        if (m_include && !m_include->isChecked())
            return std::nullopt;
        if (!m_built)
            return m_pending ? m_pending : initialValueOf(*m_node, true, false);
        OrderedJson object = OrderedJson::object();
        for (const auto &child : m_children) {
            if (MaybeJson v = child->value())
                object[toUtf8(child->node().key)] = std::move(*v);
        }
        for (auto it = m_hiddenValues.begin(); it != m_hiddenValues.end(); ++it)
            object[it.key()] = it.value();
        if (m_rows)
            m_rows->addTo(object);
        for (auto it = m_extra.begin(); it != m_extra.end(); ++it) {
            if (!object.contains(it.key()))
                object[it.key()] = it.value();
        }
        return object;
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        const bool isObject = value && value->is_object();
        if (m_include)
            m_include->setChecked(isObject);
        if (!m_built) {
            m_pending = isObject ? value : MaybeJson();
            return !value || isObject;
        }
        m_extra = OrderedJson::object();
        std::vector<std::pair<QString, OrderedJson>> members;
        for (const auto &child : m_children) {
            const std::string key = toUtf8(child->node().key);
            if (isObject && value->contains(key))
                child->setValue(value->at(key));
            else if (!value && m_include)
                child->setValue(initialValueOf(child->node(), child->required(), true)); // a group left out: as new
            else
                child->setValue(std::nullopt);
        }
        m_hiddenValues = OrderedJson::object();
        for (const FormNode *property : m_hidden) {
            const std::string key = toUtf8(property->key);
            MaybeJson v;
            if (isObject && value->contains(key))
                v = value->at(key);
            else
                v = initialValueOf(*property, property->required, !value && m_include);
            if (v)
                m_hiddenValues[key] = std::move(*v);
        }
        if (isObject) {
            for (auto it = value->begin(); it != value->end(); ++it) {
                if (m_keys.contains(utf8ToString(it.key())))
                    continue;
                const QString key = utf8ToString(it.key());
                if (m_rows && members.size() < MaxRows)
                    members.emplace_back(key, it.value());
                else
                    m_extra[it.key()] = it.value();
            }
        }
        if (m_rows)
            m_rows->setMembers(members);
        showExtra();
        return !value || isObject;
    }

    void touch() override
    {
        if (m_include && !m_include->isChecked()) {
            QSignalBlocker block(m_include);
            m_include->setChecked(true);
        }
    }

    void ownProblems(QList<SchemaProblem> &out) const override
    {
        if (m_rows)
            m_rows->problems(out);
    }

    void setEditable(bool editable) override
    {
        m_body->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
        if (m_include)
            m_include->setEnabled(editable);
    }

    void repoint() override
    {
        for (auto &child : m_children)
            child->setPointer(childPointer(m_pointer, child->node().key));
        if (m_rows)
            m_rows->repoint();
    }

private:
    /// Members the form has no field for are kept; they are named here.
    void showExtra()
    {
        if (!m_extraNote)
            return;
        QStringList keys;
        for (auto it = m_extra.begin(); it != m_extra.end(); ++it)
            keys << utf8ToString(it.key());
        m_extraNote->setVisible(!keys.isEmpty());
        if (!keys.isEmpty()) {
            if (keys.size() > 10)
                keys = keys.mid(0, 10) << QStringLiteral("…");
            setPeerText(m_extraNote, SchemaForm::tr("Also in the value, kept as they are (Edit as JSON to change them): %1")
                                         .arg(keys.join(QStringLiteral(", "))));
        }
    }

    std::vector<std::unique_ptr<Field>> m_children;
    std::unique_ptr<MapRows> m_rows;
    QCheckBox *m_include = nullptr;
    QLabel *m_extraNote = nullptr;
    OrderedJson m_extra = OrderedJson::object();
    QSet<QString> m_keys;                 ///< of all the properties
    std::vector<const FormNode *> m_hidden; ///< properties past MaxShownFields
    OrderedJson m_hiddenValues = OrderedJson::object();
    bool m_built = false;
    bool m_constructing = false;
    MaybeJson m_pending;
};

// ------------------------------------------------------------------ Map

class MapField : public Field
{
public:
    explicit MapField(const Init &init)
        : Field(init)
    {
        buildGroup(startsOpen(init));
        auto *layout = new QVBoxLayout(m_body);
        indentBody(layout, false);
        layout->setSpacing(4);
        if (m_node->additional) {
            m_rows = std::make_unique<MapRows>(this, m_node->additional.get(), m_body, layout, QSet<QString>());
        } else {
            auto *none = new QLabel(SchemaForm::tr("No members are allowed: the value is an empty object."), m_body);
            none->setForegroundRole(QPalette::PlaceholderText);
            layout->addWidget(none);
        }
        start();
    }

    void forEachChild(const std::function<void(Field &)> &visit) override
    {
        if (m_rows)
            m_rows->forEach(visit);
    }

protected:
    MaybeJson ownValue() const override
    {
        OrderedJson object = OrderedJson::object();
        if (m_rows)
            m_rows->addTo(object);
        if (object.empty() && !m_required && !m_keepEmpty)
            return std::nullopt;
        return object;
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        std::vector<std::pair<QString, OrderedJson>> members;
        const bool fits = !value || (value->is_object() && value->size() <= MaxRows && (m_rows || value->empty()));
        if (value && fits) {
            for (auto it = value->begin(); it != value->end(); ++it)
                members.emplace_back(utf8ToString(it.key()), it.value());
        }
        if (m_rows)
            m_rows->setMembers(members);
        m_keepEmpty = fits && value && value->empty() && !m_required;
        return fits;
    }

    void ownProblems(QList<SchemaProblem> &out) const override
    {
        if (m_rows)
            m_rows->problems(out);
    }

    void setEditable(bool editable) override
    {
        m_body->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
    }

    void repoint() override
    {
        if (m_rows)
            m_rows->repoint();
    }

private:
    std::unique_ptr<MapRows> m_rows;
};

// ------------------------------------------------------------------ Array and Tuple

class SequenceField : public Field
{
public:
    explicit SequenceField(const Init &init)
        : Field(init)
    {
        const bool tuple = m_node->kind == FieldKind::Tuple;
        if (tuple && !m_required) {
            m_include = new QCheckBox(SchemaForm::tr("Include"), m_host);
            m_include->setToolTip(SchemaForm::tr("Whether this optional list is part of the value"));
        }
        buildGroup(startsOpen(init));
        if (m_include) {
            name(m_include, QStringLiteral("include:"));
            m_form->watch(m_include);
            m_header->insertWidget(m_header->count() - 1, m_include);
            QObject::connect(m_include, &QCheckBox::toggled, &m_guard, [this] { userEdited(false); });
        }
        auto *layout = new QVBoxLayout(m_body);
        indentBody(layout, false);
        layout->setSpacing(4);
        if (!m_node->prefixItems.empty()) {
            auto *fixed = new QFormLayout;
            fixed->setRowWrapPolicy(QFormLayout::DontWrapRows);
            fixed->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            fixed->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
            layout->addLayout(fixed);
            for (size_t i = 0; i < m_node->prefixItems.size(); ++i) {
                Init item;
                item.form = m_form;
                item.parent = this;
                item.node = &m_node->prefixItems[i];
                item.host = m_body;
                item.pointer = m_pointer + QStringLiteral("/%1").arg(i);
                item.required = true;
                item.depth = m_depth + 1;
                std::unique_ptr<Field> field = makeField(item);
                place(fixed, field.get());
                m_fixed.push_back(std::move(field));
            }
        }
        m_list = new QVBoxLayout;
        m_list->setSpacing(4);
        layout->addLayout(m_list);
        if (m_node->items) {
            m_add = makeButton(m_body, SchemaForm::tr("Add item"), SchemaForm::tr("Add an item at the end"));
            m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
            m_add->setAutoRaise(false);
            name(m_add, QStringLiteral("add:"));
            layout->addWidget(m_add, 0, Qt::AlignLeft);
            QObject::connect(m_add, &QToolButton::clicked, &m_guard, [this] {
                {
                    Loading loading(m_form);
                    addItem(true);
                    renumber(m_items.size() - 1);
                }
                userEdited();
            });
        }
        if (m_node->kind == FieldKind::Array && !m_node->items) {
            auto *none = new QLabel(SchemaForm::tr("No items are allowed."), m_body);
            none->setForegroundRole(QPalette::PlaceholderText);
            layout->addWidget(none);
        }
        start();
    }

    void forEachChild(const std::function<void(Field &)> &visit) override
    {
        for (auto &f : m_fixed)
            visit(*f);
        for (Item &item : m_items)
            visit(*item.field);
    }

protected:
    MaybeJson ownValue() const override
    {
        if (m_include && !m_include->isChecked())
            return std::nullopt;
        OrderedJson array = OrderedJson::array();
        for (const auto &f : m_fixed)
            array.push_back(f->value().value_or(OrderedJson()));
        for (const Item &item : m_items)
            array.push_back(item.field->value().value_or(OrderedJson()));
        for (const OrderedJson &rest : m_tail)
            array.push_back(rest);
        if (array.empty() && !m_required && !m_keepEmpty && !m_include)
            return std::nullopt;
        return array;
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        const bool isArray = value && value->is_array();
        const size_t fixed = m_fixed.size();
        const bool fits = !value || (isArray && (value->size() <= fixed + MaxRows));
        if (m_include)
            m_include->setChecked(isArray && fits);
        m_tail = OrderedJson::array();
        for (size_t i = 0; i < fixed; ++i)
            m_fixed[i]->setValue(fits && isArray && i < value->size() ? itemValue(m_fixed[i]->node(), value->at(i))
                                                                      : MaybeJson());
        size_t rest = fits && isArray && value->size() > fixed ? value->size() - fixed : 0;
        if (!m_node->items) {
            for (size_t i = fixed; i < fixed + rest; ++i)
                m_tail.push_back(value->at(i));
            rest = 0;
        }
        while (m_items.size() > rest)
            removeItem(m_items.size() - 1);
        while (m_items.size() < rest)
            addItem(false);
        for (size_t i = 0; i < rest; ++i)
            m_items[i].field->setValue(itemValue(*m_node->items, value->at(fixed + i)));
        renumber(0);
        m_keepEmpty = fits && isArray && value->empty() && !m_required;
        return fits;
    }

    void touch() override
    {
        if (m_include && !m_include->isChecked()) {
            QSignalBlocker block(m_include);
            m_include->setChecked(true);
        }
    }

    void setEditable(bool editable) override
    {
        m_body->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
        if (m_include)
            m_include->setEnabled(editable);
    }

    void repoint() override
    {
        for (size_t i = 0; i < m_fixed.size(); ++i)
            m_fixed[i]->setPointer(m_pointer + QStringLiteral("/%1").arg(i));
        renumber(0);
    }

private:
    struct Item
    {
        QWidget *row = nullptr;
        QToolButton *up = nullptr;
        QToolButton *down = nullptr;
        QToolButton *remove = nullptr;
        std::unique_ptr<Field> field;
    };

    bool compoundItems() const
    {
        switch (m_node->items->kind) {
        case FieldKind::Object:
        case FieldKind::Map:
        case FieldKind::Array:
        case FieldKind::Tuple:
        case FieldKind::Variant:
        case FieldKind::Recursive: return true;
        default: return false;
        }
    }

    void addItem(bool open)
    {
        Item item;
        const size_t index = m_items.size();
        item.row = new QWidget(m_body);
        auto *layout = new QHBoxLayout(item.row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        Init init;
        init.form = m_form;
        init.parent = this;
        init.node = m_node->items.get();
        init.host = item.row;
        init.pointer = m_pointer + QStringLiteral("/%1").arg(m_fixed.size() + index);
        init.required = true;
        init.depth = m_depth + 1;
        init.open = open;
        init.title = compoundItems() ? SchemaForm::tr("Item %1").arg(index + 1) : QString();
        item.field = makeField(init);
        if (item.field->label())
            layout->addWidget(item.field->label(), 0, Qt::AlignTop);
        layout->addLayout(item.field->column(), 1);
        item.up = new QToolButton(item.row);
        item.up->setArrowType(Qt::UpArrow);
        item.up->setAutoRaise(true);
        item.up->setToolTip(SchemaForm::tr("Move up"));
        item.down = new QToolButton(item.row);
        item.down->setArrowType(Qt::DownArrow);
        item.down->setAutoRaise(true);
        item.down->setToolTip(SchemaForm::tr("Move down"));
        item.remove = makeButton(item.row, QStringLiteral("✕"), SchemaForm::tr("Remove this item"));
        for (QToolButton *b : {item.up, item.down, item.remove})
            layout->addWidget(b, 0, Qt::AlignTop);
        QWidget *row = item.row;
        QObject::connect(item.up, &QToolButton::clicked, &m_guard, [this, row] { move(indexOf(row), -1); });
        QObject::connect(item.down, &QToolButton::clicked, &m_guard, [this, row] { move(indexOf(row), 1); });
        QObject::connect(item.remove, &QToolButton::clicked, &m_guard, [this, row] {
            const size_t at = indexOf(row);
            if (at >= m_items.size())
                return;
            removeItem(at);
            renumber(at);
            userEdited();
        });
        m_list->addWidget(item.row);
        m_items.push_back(std::move(item));
    }

    size_t indexOf(const QWidget *row) const
    {
        for (size_t i = 0; i < m_items.size(); ++i) {
            if (m_items[i].row == row)
                return i;
        }
        return m_items.size();
    }

    void removeItem(size_t at)
    {
        Item &item = m_items[at];
        item.field.reset();
        dispose(item.row);
        m_items.erase(m_items.begin() + qsizetype(at));
    }

    void move(size_t at, int by)
    {
        const size_t to = at + size_t(qsizetype(by));
        if (at >= m_items.size() || to >= m_items.size())
            return;
        std::swap(m_items[at], m_items[to]);
        // Adjacent rows: the one now first goes before the other.
        const size_t first = std::min(at, to);
        m_list->removeWidget(m_items[first].row);
        m_list->insertWidget(int(first), m_items[first].row);
        renumber(first);
        userEdited();
    }

    /// Names and titles the items from `from` on by their place.
    void renumber(size_t from)
    {
        const bool compound = m_node->items && compoundItems();
        for (size_t i = from; i < m_items.size(); ++i) {
            Item &item = m_items[i];
            const QString pointer = m_pointer + QStringLiteral("/%1").arg(m_fixed.size() + i);
            item.field->setPointer(pointer);
            if (compound)
                item.field->setTitle(SchemaForm::tr("Item %1").arg(i + 1));
            item.up->setObjectName(QStringLiteral("up:") + pointer);
            item.down->setObjectName(QStringLiteral("down:") + pointer);
            item.remove->setObjectName(QStringLiteral("remove:") + pointer);
        }
        for (size_t i = 0; i < m_items.size(); ++i) {
            m_items[i].up->setEnabled(i > 0);
            m_items[i].down->setEnabled(i + 1 < m_items.size());
        }
        if (m_add)
            m_add->setEnabled(!m_node->maxItems || qint64(m_fixed.size() + m_items.size()) < *m_node->maxItems);
    }

    std::vector<std::unique_ptr<Field>> m_fixed;
    std::vector<Item> m_items;
    OrderedJson m_tail = OrderedJson::array(); // items past a tuple's end, kept as they are
    QVBoxLayout *m_list = nullptr;
    QToolButton *m_add = nullptr;
    QCheckBox *m_include = nullptr;
};

// ------------------------------------------------------------------ Variant

class VariantField : public Field
{
public:
    explicit VariantField(const Init &init)
        : Field(init)
    {
        m_picker = new QComboBox(m_host);
        boundWidth(m_picker, m_node->variants.size(), [this](size_t i) { return m_node->variants[i].label; });
        m_picker->setToolTip(SchemaForm::tr("Which of the options the value is"));
        if (!m_required)
            m_picker->addItem(SchemaForm::tr("— not set —"), -1);
        for (size_t i = 0; i < m_node->variants.size(); ++i)
            m_picker->addItem(revealHiddenCharacters(m_node->variants[i].label), int(i));
        buildGroup(startsOpen(init));
        name(m_picker, QStringLiteral("variant:"));
        m_form->watch(m_picker);
        m_header->insertWidget(2, m_picker);
        m_layout = new QVBoxLayout(m_body);
        indentBody(m_layout, false);
        QObject::connect(m_picker, &QComboBox::currentIndexChanged, &m_guard, [this] {
            if (m_form->loading > 0)
                return;
            {
                Loading loading(m_form);
                show(m_picker->currentData().toInt());
            }
            userEdited();
        });
        start();
    }

    void forEachChild(const std::function<void(Field &)> &visit) override
    {
        if (m_sub)
            visit(*m_sub);
    }

protected:
    MaybeJson ownValue() const override
    {
        if (!m_sub)
            return std::nullopt;
        return m_sub->value();
    }

    bool setOwnValue(const MaybeJson &value) override
    {
        if (!value) {
            const int index = m_required ? 0 : -1;
            show(index);
            if (m_sub)
                m_sub->setValue(std::nullopt);
            return true;
        }
        show(pick(*value));
        if (m_sub)
            m_sub->setValue(value);
        return m_sub != nullptr;
    }

    void setEditable(bool editable) override
    {
        m_picker->setEnabled(editable);
        m_body->setEnabled(editable);
        if (m_examples)
            m_examples->setEnabled(editable);
    }

    void repoint() override
    {
        if (m_sub)
            m_sub->setPointer(m_pointer);
    }

private:
    /// The variant a value is: by its discriminator, else the first it meets.
    int pick(const OrderedJson &value) const
    {
        const auto &variants = m_node->variants;
        const std::string disc = toUtf8(m_node->discriminator);
        if (!disc.empty() && value.is_object() && value.contains(disc)) {
            for (size_t i = 0; i < variants.size(); ++i) {
                for (const FormNode &p : variants[i].properties) {
                    if (p.key == m_node->discriminator && p.options.size() == 1 && p.options.front().value == value.at(disc))
                        return int(i);
                }
            }
        }
        for (size_t i = 0; i < variants.size(); ++i) {
            if (m_form->matches(variants[i], value))
                return int(i);
        }
        return m_index >= 0 ? m_index : 0;
    }

    void show(int index)
    {
        if (index >= int(m_node->variants.size()))
            index = -1;
        const int at = m_picker->findData(index);
        if (at >= 0)
            m_picker->setCurrentIndex(at);
        if (index == m_index && (m_sub || index < 0))
            return;
        m_index = index;
        m_sub.reset();
        if (m_container) {
            dispose(m_container);
            m_container = nullptr;
        }
        if (index < 0)
            return;
        const FormNode &variant = m_node->variants[size_t(index)];
        m_container = new QWidget(m_body);
        auto *layout = new QFormLayout(m_container);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
        layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        Init init;
        init.form = m_form;
        init.parent = this;
        init.node = &variant;
        init.host = m_container;
        init.pointer = m_pointer;
        init.required = true;
        init.depth = m_depth;
        init.flat = variant.kind == FieldKind::Object;
        init.open = true;
        init.title = QString();
        m_sub = makeField(init);
        place(layout, m_sub.get());
        m_layout->addWidget(m_container);
        if (!m_node->discriminator.isEmpty() && variant.kind == FieldKind::Object) {
            m_sub->forEachChild([this](Field &child) {
                if (child.node().key == m_node->discriminator)
                    child.lock();
            });
        }
    }

    QComboBox *m_picker;
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_container = nullptr;
    std::unique_ptr<Field> m_sub;
    int m_index = -1;
};

// ------------------------------------------------------------------ Recursive

class RecursiveField : public Field
{
public:
    explicit RecursiveField(const Init &init)
        : Field(init)
    {
        m_header = new QHBoxLayout;
        m_header->setSpacing(4);
        QLabel *title = makeTitle(m_host);
        m_header->addWidget(title);
        m_expand = new QToolButton(m_host);
        m_expand->setText(SchemaForm::tr("Expand"));
        m_expand->setToolTip(SchemaForm::tr("Fill in one more level of this schema, which contains itself"));
        name(m_expand, QStringLiteral("expand:"));
        m_header->addWidget(m_expand);
        m_header->addStretch(1);
        m_column->addLayout(m_header);
        m_summary = makeHelpLabel(m_host, QString());
        name(m_summary, QStringLiteral("field:"));
        m_column->addWidget(m_summary);
        addNotes(m_column, m_host);
        m_headerWidgets = {title, m_expand, m_summary};
        QObject::connect(m_expand, &QToolButton::clicked, &m_guard, [this] { expand(); });
        start();
    }

    void forEachChild(const std::function<void(Field &)> &visit) override
    {
        if (m_inner)
            visit(*m_inner);
    }

protected:
    MaybeJson ownValue() const override { return m_inner ? m_inner->value() : m_raw; }

    bool setOwnValue(const MaybeJson &value) override
    {
        if (m_inner) {
            m_inner->setValue(value);
            return true;
        }
        m_raw = value;
        m_summary->setVisible(value.has_value());
        if (value) {
            QString text = jsonText(*value);
            if (text.size() > 120)
                text = text.left(119) + QChar(0x2026);
            setPeerText(m_summary, SchemaForm::tr("Holds %1").arg(text));
        }
        return true;
    }

    void setEditable(bool editable) override { m_expand->setEnabled(editable || m_inner); }

    void repoint() override
    {
        if (m_inner)
            m_inner->setPointer(m_pointer);
    }

private:
    void expand()
    {
        if (m_inner)
            return;
        m_expanded = std::make_unique<FormNode>(schema::expandRecursive(*m_node, m_form->schema));
        Init init;
        init.form = m_form;
        init.parent = this;
        init.node = m_expanded.get();
        init.host = m_host;
        init.pointer = m_pointer;
        init.required = m_required;
        init.depth = m_depth;
        init.open = true;
        if (!m_title.isEmpty())
            init.title = m_title;
        {
            Loading loading(m_form);
            m_inner = makeField(init);
            if (m_raw)
                m_inner->setValue(m_raw);
        }
        for (QWidget *w : std::as_const(m_headerWidgets))
            w->hide();
        if (m_inner->label()) {
            auto *row = new QHBoxLayout;
            row->addWidget(m_inner->label(), 0, Qt::AlignTop);
            row->addLayout(m_inner->column(), 1);
            m_column->addLayout(row);
        } else {
            m_column->addLayout(m_inner->column());
        }
        userEdited();
    }

    QToolButton *m_expand;
    QLabel *m_summary;
    QList<QWidget *> m_headerWidgets;
    MaybeJson m_raw;
    std::unique_ptr<FormNode> m_expanded;
    std::unique_ptr<Field> m_inner;
};

std::unique_ptr<Field> makeField(const Field::Init &init)
{
    switch (init.node->kind) {
    case FieldKind::Text: return std::make_unique<TextField>(init);
    case FieldKind::Number: return std::make_unique<NumberField>(init);
    case FieldKind::Boolean: return std::make_unique<BoolField>(init);
    case FieldKind::Choice: return std::make_unique<ChoiceField>(init);
    case FieldKind::Object: return std::make_unique<ObjectField>(init);
    case FieldKind::Map: return std::make_unique<MapField>(init);
    case FieldKind::Array:
    case FieldKind::Tuple: return std::make_unique<SequenceField>(init);
    case FieldKind::Variant:
        if (!init.node->variants.empty())
            return std::make_unique<VariantField>(init);
        return std::make_unique<JsonField>(init);
    case FieldKind::Recursive: return std::make_unique<RecursiveField>(init);
    case FieldKind::Null: return std::make_unique<NullField>(init);
    case FieldKind::Json: return std::make_unique<JsonField>(init);
    }
    return std::make_unique<JsonField>(init);
}

void walk(Field &field, const std::function<void(Field &)> &visit)
{
    visit(field);
    field.forEachChild([&visit](Field &child) { walk(child, visit); });
}

} // namespace

// ------------------------------------------------------------------ Private

FormState::~FormState()
{
    rootField.reset();
}

void FormState::edited()
{
    emit q->valueChanged();
    timer.start();
}

bool FormState::matches(const FormNode &node, const OrderedJson &value) const
{
    // A cheap look at the kind first: most values rule most variants out.
    switch (node.kind) {
    case FieldKind::Text:
        if (!value.is_string())
            return false;
        break;
    case FieldKind::Number:
        if (!value.is_number() || (node.integer && value.is_number_float() && value.get<double>() != std::floor(value.get<double>())))
            return false;
        break;
    case FieldKind::Boolean:
        if (!value.is_boolean())
            return false;
        break;
    case FieldKind::Null:
        if (!value.is_null())
            return false;
        break;
    case FieldKind::Object:
    case FieldKind::Map:
        if (!value.is_object())
            return false;
        break;
    case FieldKind::Array:
    case FieldKind::Tuple:
        if (!value.is_array())
            return false;
        break;
    case FieldKind::Choice:
        return std::any_of(node.options.begin(), node.options.end(), [&value](const auto &o) { return o.value == value; });
    default: break;
    }
    // The variant's own schema when it stands alone, else the root's schema
    // entered at the variant's place (its local references then resolve).
    const std::string own = node.schema.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
    nlohmann::json check;
    if (own.find("\"$ref\"") == std::string::npos) {
        check = toPlain(node.schema);
    } else {
        check = *plainSchema;
        if (!check.is_object())
            return false;
        const QString ref = QLatin1Char('#') + QString(node.schemaPointer).replace(QLatin1Char('%'), QStringLiteral("%25"));
        check["$ref"] = ref.toStdString();
    }
    return schema::validate(check, toPlain(value)).verdict == schema::SchemaCheck::Verdict::Valid;
}

MaybeJson FormState::fieldsValue() const
{
    return rootField ? rootField->value() : MaybeJson();
}

void FormState::setFieldsValue(const OrderedJson &value)
{
    if (!rootField)
        return;
    Loading loading(this);
    rootField->setValue(value);
}

void FormState::rebuild()
{
    rootField.reset();
    showing.clear();
    if (content) {
        QWidget *old = scroll->takeWidget();
        if (old)
            dispose(old);
    }
    content = new QWidget;
    content->setObjectName(QStringLiteral("formContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    Field::Init init;
    init.form = this;
    init.node = root.get();
    init.host = content;
    init.required = true;
    init.flat = true;
    init.open = true;
    rootField = makeField(init);
    if (rootField->label())
        layout->addWidget(rootField->label());
    layout->addLayout(rootField->column());
    layout->addStretch(1);
}

void FormState::revalidate(bool wait)
{
    timer.stop();
    const quint64 asked = ++generation;
    QList<SchemaProblem> local;
    MaybeJson value;
    if (jsonMode) {
        const QString text = jsonEdit->toPlainText();
        OrderedJson parsed = OrderedJson::parse(text.toStdString(), nullptr, false);
        if (parsed.is_discarded())
            local.append({QString(), SchemaForm::tr("The text is not JSON: %1").arg(parseError(text))});
        else
            value = std::move(parsed);
    } else if (rootField) {
        walk(*rootField, [&local](Field &f) { f.problems(local); });
        value = rootField->value();
    }

    schema::SchemaCheck check;
    if (!value) {
        check.verdict = schema::SchemaCheck::Verdict::Valid;
    } else if (!wait && lastCheckMs > SlowCheckMs) {
        // Off the GUI thread, one check at a time; what is shown stays until
        // the answer comes.
        stale = true;
        if (checking > 0) {
            checkAgain = true;
            return;
        }
        ++checking;
        FormState *state = this;
        pool.start([state, form = q, asked, local, schemaShared = plainSchema, plainValue = toPlain(*value)] {
            QElapsedTimer took;
            took.start();
            const schema::SchemaCheck answer = schema::validate(*schemaShared, plainValue);
            const qint64 ms = took.elapsed();
            QMetaObject::invokeMethod(
                form,
                [state, asked, local, answer, ms] {
                    --state->checking;
                    state->lastCheckMs = ms;
                    if (state->generation == asked)
                        state->finish(local, answer);
                    if (state->checking == 0 && std::exchange(state->checkAgain, false))
                        state->revalidate();
                },
                Qt::QueuedConnection);
        });
        return;
    } else {
        QElapsedTimer took;
        took.start();
        check = schema::validate(*plainSchema, toPlain(*value));
        lastCheckMs = took.elapsed();
    }
    checkAgain = false;
    finish(local, check);
}

void FormState::finish(const QList<SchemaProblem> &local, const schema::SchemaCheck &check)
{
    stale = false;
    QSet<QString> localPointers;
    for (const SchemaProblem &p : std::as_const(local))
        localPointers.insert(p.pointer);
    QList<SchemaProblem> found = local;
    QString notChecked;
    if (check.verdict == schema::SchemaCheck::Verdict::Unchecked) {
        notChecked = check.whyUnchecked;
    } else {
        static const QRegularExpression missing(QStringLiteral("^Missing required property '(.*)'\\.$"));
        for (const SchemaProblem &p : check.problems) {
            SchemaProblem problem = p;
            const QRegularExpressionMatch m = missing.match(p.message);
            if (m.hasMatch()) {
                problem.pointer = childPointer(p.pointer, m.captured(1));
                problem.message = SchemaForm::tr("Required.");
            } else {
                problem.message = plainMessage(p.message);
            }
            // A field's own check says it better.
            if (localPointers.contains(problem.pointer))
                continue;
            const bool seen = std::any_of(found.begin(), found.end(), [&problem](const SchemaProblem &f) {
                return f.pointer == problem.pointer && f.message == problem.message;
            });
            if (!seen)
                found.append(problem);
        }
    }
    checkNote->setVisible(!notChecked.isEmpty());
    if (!notChecked.isEmpty())
        setPeerText(checkNote, SchemaForm::tr("The value was not checked against the schema: %1").arg(notChecked));

    if (jsonMode) {
        QStringList lines;
        for (const SchemaProblem &p : std::as_const(found))
            lines << (p.pointer.isEmpty() ? p.message : SchemaForm::tr("%1: %2").arg(p.pointer, p.message));
        jsonProblems->setVisible(!lines.isEmpty());
        setPeerText(jsonProblems, lines.join(QLatin1Char('\n')));
    } else if (rootField) {
        jsonProblems->hide();
        // Each problem beside the deepest field its pointer leads into.
        QHash<QString, Field *> byPointer;
        walk(*rootField, [&byPointer](Field &f) { byPointer.insert(f.pointer(), &f); });
        QHash<Field *, QStringList> messages;
        for (const SchemaProblem &p : std::as_const(found)) {
            QString pointer = p.pointer;
            Field *field = byPointer.value(pointer);
            while (!field && !pointer.isEmpty()) {
                pointer = parentPointer(pointer);
                field = byPointer.value(pointer);
            }
            if (!field)
                field = rootField.get();
            QString message = p.message;
            if (field->pointer() != p.pointer) {
                QStringList path = p.pointer.mid(field->pointer().size() + 1).split(QLatin1Char('/'));
                for (QString &token : path)
                    token = unescapeToken(token);
                message = SchemaForm::tr("%1: %2").arg(path.join(QStringLiteral(" › ")), message);
            }
            messages[field] << message;
        }
        for (Field *f : std::as_const(showing)) {
            if (!messages.contains(f))
                f->showProblems({});
        }
        showing.clear();
        for (auto it = messages.begin(); it != messages.end(); ++it) {
            it.key()->showProblems(it.value());
            showing.insert(it.key());
        }
    }
    problems = found;
    const bool nowValid = found.isEmpty();
    if (nowValid != valid) {
        valid = nowValid;
        emit q->validityChanged(valid);
    }
}

// ------------------------------------------------------------------ SchemaForm

struct SchemaForm::Private : FormState
{
    using FormState::FormState;
};

SchemaForm::SchemaForm(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>(this))
{
    setObjectName(QStringLiteral("schemaForm"));
    d->keys = new SubmitKeys(this);
    d->pool.setMaxThreadCount(1);
    d->timer.setSingleShot(true);
    d->timer.setInterval(ValidateDelayMs);
    connect(&d->timer, &QTimer::timeout, this, [this] { d->revalidate(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    d->jsonButton = new QToolButton(this);
    d->jsonButton->setObjectName(QStringLiteral("jsonModeButton"));
    d->jsonButton->setText(tr("Edit as JSON"));
    d->jsonButton->setToolTip(tr("Edit the whole value as JSON text, and back"));
    d->jsonButton->setCheckable(true);
    connect(d->jsonButton, &QToolButton::clicked, this, [this](bool checked) {
        if (!setJsonMode(checked))
            d->jsonButton->setChecked(true);
    });
    d->fillButton = new QToolButton(this);
    d->fillButton->setObjectName(QStringLiteral("fillExamplesButton"));
    d->fillButton->setText(tr("Fill in examples"));
    d->fillButton->setToolTip(tr("Fill every field with its default, an example or a typical value"));
    connect(d->fillButton, &QToolButton::clicked, this, &SchemaForm::fillExamples);
    bar->addWidget(d->jsonButton);
    bar->addWidget(d->fillButton);
    bar->addStretch(1);
    layout->addLayout(bar);

    d->checkNote = new QLabel(this);
    d->checkNote->setObjectName(QStringLiteral("checkNote"));
    d->checkNote->setWordWrap(true);
    d->checkNote->hide();
    layout->addWidget(d->checkNote);

    d->stack = new QStackedWidget(this);
    d->scroll = new QScrollArea(d->stack);
    d->scroll->setObjectName(QStringLiteral("formScroll"));
    d->scroll->setWidgetResizable(true);
    d->scroll->setFrameShape(QFrame::NoFrame);
    d->stack->addWidget(d->scroll);

    auto *jsonPage = new QWidget(d->stack);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(0, 0, 0, 0);
    d->jsonEdit = new QPlainTextEdit(jsonPage);
    d->jsonEdit->setObjectName(QStringLiteral("jsonEdit"));
    d->jsonEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    d->jsonEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(d->jsonEdit->document());
    d->watch(d->jsonEdit);
    connect(d->jsonEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (d->loading == 0)
            d->edited();
    });
    d->jsonProblems = makeProblemLabel();
    d->jsonProblems->setParent(jsonPage);
    d->jsonProblems->setObjectName(QStringLiteral("jsonProblems"));
    d->jsonProblems->hide();
    jsonLayout->addWidget(d->jsonEdit, 1);
    jsonLayout->addWidget(d->jsonProblems);
    d->stack->addWidget(jsonPage);
    layout->addWidget(d->stack, 1);

    // Until a schema comes: an object of any members, empty.
    setSchema(OrderedJson{{"type", "object"}});
}

SchemaForm::~SchemaForm()
{
    // The fields go before the widgets they refer to.
    d->rootField.reset();
}

void SchemaForm::setSchema(const schema::OrderedJson &schema)
{
    d->schema = schema;
    d->plainSchema = std::make_shared<const nlohmann::json>(toPlain(schema));
    d->root = std::make_unique<FormNode>(schema::compileForm(schema));
    d->jsonMode = false;
    d->jsonButton->setChecked(false);
    d->stack->setCurrentIndex(0);
    d->rebuild();
    // Checked before it is shown: the problems' labels are laid out with the
    // rest, in one pass.
    d->lastCheckMs = 0;
    d->revalidate(true);
    d->scroll->setWidget(d->content);
}

const schema::OrderedJson &SchemaForm::schema() const
{
    return d->schema;
}

schema::OrderedJson SchemaForm::value() const
{
    if (d->jsonMode)
        return OrderedJson::parse(d->jsonEdit->toPlainText().toStdString(), nullptr, false);
    return d->fieldsValue().value_or(OrderedJson());
}

void SchemaForm::setValue(const schema::OrderedJson &value)
{
    if (value.is_discarded())
        return;
    if (d->jsonMode) {
        Loading loading(d.get());
        d->jsonEdit->setPlainText(jsonText(value, 2));
    } else {
        d->setFieldsValue(value);
    }
    d->edited();
}

void SchemaForm::fillExamples()
{
    setValue(schema::filledValue(*d->root));
}

bool SchemaForm::setJsonMode(bool json)
{
    if (json == d->jsonMode)
        return true;
    if (json) {
        {
            Loading loading(d.get());
            d->jsonEdit->setPlainText(jsonText(d->fieldsValue().value_or(OrderedJson()), 2));
        }
        d->jsonMode = true;
        d->jsonButton->setChecked(true);
        d->stack->setCurrentIndex(1);
        d->revalidate(true);
        return true;
    }
    const QString text = d->jsonEdit->toPlainText();
    const OrderedJson parsed = OrderedJson::parse(text.toStdString(), nullptr, false);
    if (parsed.is_discarded()) {
        d->revalidate(true); // shows why
        d->jsonButton->setChecked(true);
        return false;
    }
    d->jsonMode = false;
    d->jsonButton->setChecked(false);
    d->stack->setCurrentIndex(0);
    d->setFieldsValue(parsed);
    d->revalidate(true);
    return true;
}

bool SchemaForm::isJsonMode() const
{
    return d->jsonMode;
}

bool SchemaForm::isValid() const
{
    d->flush();
    return d->valid;
}

QList<schema::SchemaProblem> SchemaForm::problems() const
{
    d->flush();
    return d->problems;
}

} // namespace crosstalk::ui
