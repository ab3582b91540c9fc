// SPDX-License-Identifier: GPL-3.0-or-later
#include "fieldeditor.h"

#include "fieldlabels.h"

#include "core/timeformat.h"
#include "protocol/fieldformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace md {
namespace {

class LineEditor : public FieldEditor
{
public:
    LineEditor(const FieldSpec &spec, QWidget *parent, int decimals, bool numeric, bool address = false)
        : FieldEditor(spec, parent), m_numeric(numeric)
    {
        m_edit = new QLineEdit(parent);
        m_edit->setObjectName(spec.name);
        if (numeric) {
            m_validator = new QRegularExpressionValidator(m_edit);
            m_edit->setValidator(m_validator);
            setDecimals(decimals);
            m_edit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        } else if (address) {
            m_edit->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral(R"(\d{0,3}(\.\d{0,3}){0,3})")), m_edit));
            m_edit->setPlaceholderText(QStringLiteral("192.168.1.10"));
        } else {
            m_edit->setMaxLength(64);
        }
        connect(m_edit, &QLineEdit::textChanged, this, &FieldEditor::changed);
        m_widget = m_edit;
        m_focus = m_edit;
    }
    QString text() const override { return m_edit->text().trimmed(); }
    void setText(const QString &t) override { m_edit->setText(t); }
    void setReadOnly(bool ro) override { m_edit->setReadOnly(ro); }
    void setDecimals(int decimals) override
    {
        if (!m_numeric)
            return;
        m_validator->setRegularExpression(QRegularExpression(decimalPattern(decimals, m_spec.negative)));
        m_edit->setPlaceholderText(decimals > 0 ? QStringLiteral("0.") + QString(decimals, u'0') : QStringLiteral("0"));
    }

private:
    QLineEdit *m_edit = nullptr;
    QRegularExpressionValidator *m_validator = nullptr;
    bool m_numeric = false;
};

class EnumEditor : public FieldEditor
{
public:
    EnumEditor(const FieldSpec &spec, QWidget *parent) : FieldEditor(spec, parent)
    {
        m_combo = new QComboBox(parent);
        m_combo->setObjectName(spec.name);
        if (!spec.required)
            m_combo->addItem(QCoreApplication::translate("md::FieldEditor", "(not sent)"), QString());
        for (const auto &[code, name] : FieldLabels::enumOptions(spec))
            m_combo->addItem(QStringLiteral("%1 (%2)").arg(name, code), code);
        connect(m_combo, &QComboBox::currentIndexChanged, this, &FieldEditor::changed);
        m_widget = m_combo;
        m_focus = m_combo;
    }
    QString text() const override { return m_combo->currentData().toString(); }
    void setText(const QString &t) override
    {
        const int i = m_combo->findData(t);
        if (i >= 0)
            m_combo->setCurrentIndex(i);
    }
    void setReadOnly(bool ro) override { m_combo->setEnabled(!ro); }

private:
    QComboBox *m_combo = nullptr;
};

class DateEditor : public FieldEditor
{
public:
    DateEditor(const FieldSpec &spec, QWidget *parent) : FieldEditor(spec, parent)
    {
        const bool withTime = spec.type == FieldType::DateTime;
        m_edit = withTime ? new QDateTimeEdit(parent) : new QDateEdit(parent);
        // Wall-clock fields of the platform zone, held in UTC so the desk's zone never shifts them.
        m_edit->setTimeSpec(Qt::UTC);
        setPlatformTime(PlatformTime());
        m_edit->setObjectName(spec.name);
        m_edit->setDisplayFormat(withTime ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd"));
        m_edit->setCalendarPopup(true);
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, &FieldEditor::changed);
        if (spec.required) {
            m_widget = m_edit;
        } else {
            // Optional: a check box in front says whether the value is sent at all.
            auto *box = new QWidget(parent);
            auto *row = new QHBoxLayout(box);
            row->setContentsMargins(0, 0, 0, 0);
            m_enabled = new QCheckBox(box);
            m_enabled->setObjectName(spec.name + QStringLiteral("_set"));
            m_enabled->setToolTip(QCoreApplication::translate("md::FieldEditor", "Send this value"));
            m_edit->setParent(box);
            m_edit->setEnabled(false);
            row->addWidget(m_enabled);
            row->addWidget(m_edit, 1);
            connect(m_enabled, &QCheckBox::toggled, m_edit, &QWidget::setEnabled);
            connect(m_enabled, &QCheckBox::toggled, this, &FieldEditor::changed);
            m_widget = box;
        }
        m_focus = m_edit;
    }
    void setPlatformTime(const PlatformTime &time) override
    {
        // Defaults: the platform's "now" (date-times) and "today" (dates), whatever zone the desk is in.
        const qint64 now = PlatformTime::nowEpoch();
        if (m_spec.type == FieldType::DateTime)
            m_edit->setDateTime(time.wallClock(now));
        else
            m_edit->setDate(time.dateOf(now));
    }
    QString text() const override
    {
        if (m_enabled && !m_enabled->isChecked())
            return {};
        switch (m_spec.type) {
        case FieldType::DateTime:
            return m_edit->dateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case FieldType::YyMMdd:
            return formatYyMMdd(m_edit->date());
        default:
            return m_edit->date().toString(Qt::ISODate);
        }
    }
    void setText(const QString &t) override
    {
        if (m_enabled)
            m_enabled->setChecked(!t.isEmpty());
        if (t.isEmpty())
            return;
        if (m_spec.type == FieldType::DateTime) {
            if (const auto l = parseLocalDateTime(t))
                m_edit->setDateTime(QDateTime(QDate(l->year, l->month, l->day), QTime(l->hour, l->minute, l->second), Qt::UTC));
        } else if (const auto d = m_spec.type == FieldType::YyMMdd ? parseYyMMdd(t) : parseIsoDate(t)) {
            m_edit->setDate(*d);
        }
    }
    void setReadOnly(bool ro) override
    {
        m_edit->setReadOnly(ro);
        if (m_enabled)
            m_enabled->setEnabled(!ro);
    }

private:
    QDateTimeEdit *m_edit = nullptr;
    QCheckBox *m_enabled = nullptr;
};

} // namespace

FieldEditor::FieldEditor(const FieldSpec &spec, QObject *parent) : QObject(parent), m_spec(spec) {}
FieldEditor::~FieldEditor() = default;

QString decimalPattern(int decimals, bool allowNegative)
{
    // Accepts every prefix of a valid value while typing; the validation call decides the rest.
    QString p = allowNegative ? QStringLiteral("-?\\d{0,12}") : QStringLiteral("\\d{0,12}");
    if (decimals > 0)
        p += QStringLiteral("(\\.\\d{0,%1})?").arg(decimals);
    return p;
}

FieldEditor *FieldEditor::create(const FieldSpec &spec, QWidget *parent, int moneyDecimals)
{
    // The editor follows the value's form (FieldFormat): a String field whose "format" is a number
    // gets the number editor, so letters cannot be typed.
    const FieldFormat format(spec);
    switch (format.kind()) {
    case FieldFormat::Kind::Code:
        return new EnumEditor(spec, parent);
    case FieldFormat::Kind::Money:
        return new LineEditor(spec, parent, moneyDecimals, true);
    case FieldFormat::Kind::Volume:
    case FieldFormat::Kind::Integer:
        return new LineEditor(spec, parent, format.decimals(), true);
    case FieldFormat::Kind::Date:
    case FieldFormat::Kind::DateTime:
    case FieldFormat::Kind::YyMMdd:
        return new DateEditor(spec, parent);
    case FieldFormat::Kind::Ipv4:
        return new LineEditor(spec, parent, 0, false, true);
    case FieldFormat::Kind::Text:
    case FieldFormat::Kind::List:
        break;
    }
    return new LineEditor(spec, parent, 0, false);
}

} // namespace md
