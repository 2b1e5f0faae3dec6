#pragma once

#include "schema/FormModel.h"
#include "schema/SchemaValidator.h"

#include <QWidget>

namespace crosstalk::ui {

/// A form for a JSON Schema (a tool's `inputSchema`, an elicitation's
/// `requestedSchema`), rendered from the FormNode tree that
/// schema::compileForm() makes. Every editor matches its field's kind; values
/// are checked with schema::validate() as they change and each problem is
/// shown beside the field it concerns. "Edit as JSON" switches the whole form
/// to its value as JSON text and back without losing anything. Optional
/// fields left empty are left out of the value; defaults are prefilled.
/// Everything taken from the schema (titles, descriptions, choices) is peer
/// text and shown as plain text with hidden characters revealed.
///
/// Ctrl+Return (or Ctrl+Enter) in any of its editors asks for the value to
/// be sent (submitRequested()). Checks run as the value changes, shortly
/// after the last edit; a schema whose check is slow is checked off the GUI
/// thread. Schemas come from peers: recursion is expanded on demand, groups
/// nested deeper than two levels are made when first opened, an object shows
/// at most 2,000 fields and an array or map at most 500 rows (the rest is
/// kept in the value and edited as JSON).
///
/// Widgets are named for tests and tools after the JSON pointer of their
/// value ("" for the whole value, "/items/0/city" inside it; "~" and "/" in
/// keys escaped as "~0" and "~1"):
///   field:<ptr>     the field's editor (QLineEdit, QPlainTextEdit, QComboBox,
///                   QCheckBox), or the group widget of an object, array, map
///                   or variant (the root's is "field:")
///   label:<ptr>     its title (a QLabel; a group's title is in its header)
///   help:<ptr>      its description; note:<ptr> its remark (a $ref never
///                   fetched, a keyword the form does not enforce)
///   problem:<ptr>   what is wrong with it, made when there is something
///                   ("problem:" at the top of the form for the whole value)
///   null:<ptr>      the toggle that makes a nullable value null
///   include:<ptr>   the toggle that puts an optional object in the value
///   examples:<ptr>  the button offering the schema's examples
///   picker:<ptr>    a date's calendar, a time's "Now"; generate:<ptr> a new UUID
///   toggle:<ptr>    opens or closes a group
///   add:<ptr>       adds an item to an array or a member to a map
///   up:<ptr>, down:<ptr>, remove:<ptr>   move or remove an item or member
///   key:<ptr>       a map member's name
///   variant:<ptr>   the variant picker; expand:<ptr> fills in a recursive
///                   schema one more level
///   kept:<ptr>      names members kept without a field; more:<ptr> says how
///                   many fields are not shown
/// and, for the whole form: jsonModeButton, fillExamplesButton, jsonEdit (the
/// JSON text), jsonProblems, checkNote (a value that could not be checked),
/// formScroll and formContent.
class SchemaForm : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaForm(QWidget *parent = nullptr);
    ~SchemaForm() override;

    /// Builds the form for `schema`, prefilled with its defaults; the form
    /// leaves JSON mode.
    void setSchema(const schema::OrderedJson &schema);
    const schema::OrderedJson &schema() const;
    /// The value the form holds now. In JSON mode: the text parsed, or a
    /// discarded value (`is_discarded()`) while it does not parse.
    schema::OrderedJson value() const;
    /// Fills the form from `value` (a call run again, arguments pasted).
    /// Members the form has no field for are kept in the value.
    void setValue(const schema::OrderedJson &value);
    /// Fills every field as schema::filledValue() says.
    void fillExamples();
    /// Switches to the JSON text (true) or back to the fields. Going back
    /// with text that does not parse is refused: false, and the parse error
    /// is shown.
    bool setJsonMode(bool json);
    bool isJsonMode() const;
    /// Whether the value meets the schema (and, in JSON mode, parses).
    bool isValid() const;
    /// What is wrong now, by JSON pointer into the value.
    QList<schema::SchemaProblem> problems() const;

signals:
    void valueChanged();
    void validityChanged(bool valid);
    /// Ctrl+Return or Ctrl+Enter was pressed in one of the form's editors.
    void submitRequested();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace crosstalk::ui
