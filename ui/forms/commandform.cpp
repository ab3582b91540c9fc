// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandform.h"

#include "fieldeditor.h"
#include "fieldlabels.h"

#include "client/commandnames.h"
#include "client/commandvalidation.h"
#include "core/dictionary.h"

#include <QDateTime>

#include <algorithm>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace md {
namespace {

// Fields that never get a generic editor: the dialog shows the meter; the service allocates or
// looks up the rest (client/commandnames.h serviceFilledFields).
QStringList hiddenFields(const MessageSpec &spec)
{
    QStringList hidden = CommandNames::serviceFilledFields(spec.name);
    hidden << QStringLiteral("commandSeq");
    if (spec.name == u"meterInfo") {
        // Registering a meter: its number, type and customer are what the operator types.
        for (const QString &f : {QStringLiteral("meterNo"), QStringLiteral("meterType"), QStringLiteral("userNo"),
                                 QStringLiteral("userName"), QStringLiteral("addrDes"), QStringLiteral("devNo"),
                                 QStringLiteral("companyNo"), QStringLiteral("setUpTime"),
                                 QStringLiteral("enableMeterReading"), QStringLiteral("meterOperation")})
            hidden.removeAll(f);
    } else {
        hidden << QStringLiteral("meterNo") << QStringLiteral("meterType");
    }
    return hidden;
}

} // namespace

QLabel *makeErrorLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b3261e;"));
    label->setVisible(false);
    return label;
}

void showFieldError(QLabel *label, const QList<Error> &errors)
{
    if (!label)
        return;
    QStringList lines, details;
    for (const Error &e : errors) {
        lines << CommandForm::errorText(e);
        if (!e.detail.isEmpty())
            details << e.detail;
    }
    label->setText(lines.join(u'\n'));
    label->setToolTip(details.join(u'\n'));
    label->setVisible(!errors.isEmpty());
}

CommandForm::CommandForm(const MessageSpec &spec, QWidget *parent, const QStringList &takenOver)
    : QWidget(parent), m_spec(spec)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_layout = new QFormLayout;
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
    outer->addLayout(m_layout);
    m_summary = makeErrorLabel(this, QStringLiteral("formErrors"));
    outer->addWidget(m_summary);

    const QStringList hidden = hiddenFields(spec);
    for (const FieldSpec &f : spec.fields) {
        if (hidden.contains(f.name) || takenOver.contains(f.name) || f.type == FieldType::List)
            continue;
        addEditor(f, moneyDecimalsFor(f));
    }
}

CommandForm::~CommandForm() = default;

void CommandForm::setTime(const PlatformTime &time)
{
    m_time = time;
    for (FieldEditor *ed : std::as_const(m_editors))
        ed->setPlatformTime(time);
}

int CommandForm::moneyDecimalsFor(const FieldSpec &field) const
{
    // Unit prices are quoted to the fen and below (2.8650 yuan/m³); amounts to the fen.
    return field.name.startsWith(u"price") ? 4 : 2;
}

FieldEditor *CommandForm::addEditor(const FieldSpec &field, int moneyDecimals)
{
    FieldEditor *ed = FieldEditor::create(field, this, moneyDecimals);
    auto *label = new QLabel(FieldLabels::label(field.name) + (field.required ? QStringLiteral(" *") : QString()), this);
    label->setBuddy(ed->focusProxy());
    label->setToolTip(field.name);
    m_layout->addRow(label, ed->widget());
    QLabel *err = makeErrorLabel(this, field.name + QStringLiteral("_error"));
    m_layout->addRow(QString(), err);
    m_editors.insert(field.name, ed);
    m_errorLabels.insert(field.name, err);
    m_order << field.name;
    connect(ed, &FieldEditor::changed, this, &CommandForm::onEdited);
    return ed;
}

QJsonObject CommandForm::params() const
{
    QJsonObject out;
    for (const QString &name : m_order) {
        const QString t = m_editors.value(name)->text();
        if (!t.isEmpty())
            out.insert(name, t);
    }
    return out;
}

void CommandForm::setValue(const QString &field, const QString &wireText)
{
    if (FieldEditor *ed = m_editors.value(field))
        ed->setText(wireText);
}

QWidget *CommandForm::firstInput() const
{
    return m_order.isEmpty() ? nullptr : m_editors.value(m_order.first())->focusProxy();
}

void CommandForm::setReadOnly(bool readOnly)
{
    for (FieldEditor *ed : m_editors)
        ed->setReadOnly(readOnly);
    setOwnReadOnly(readOnly);
}

bool CommandForm::needsConfirmation() const
{
    // Money moves, gas stops, a meter leaves the registry: ask before sending.
    if (m_spec.name == u"recharge" || m_spec.name == u"cancelRecharge" || m_spec.name == u"updatePriceAndBalance"
        || m_spec.name == u"changeprice")
        return true;
    const QJsonObject p = params();
    if (m_spec.name == u"valveOperate")
        return p.value(QStringLiteral("valveOperate")).toString() != u"0";
    if (m_spec.name == u"meterInfo")
        return p.value(QStringLiteral("meterOperation")).toString() == u"remove";
    return false;
}

QString CommandForm::errorText(const Error &e)
{
    QString what = e.code == u"9002" ? tr("invalid value")
                                     : Dictionary::displayName(Dictionary::returnCodes(), e.code);
    if (e.path.isEmpty())
        return QStringLiteral("%1 %2").arg(e.code, what);
    return tr("%1 %2 - %3").arg(e.code, what, FieldLabels::label(e.path));
}

void CommandForm::onEdited()
{
    revalidate();
    emit edited();
}

bool CommandForm::revalidate()
{
    ValidationContext ctx;
    ctx.nowEpoch = m_now > 0 ? m_now : PlatformTime::nowEpoch();
    ctx.time = m_time;
    ctx.serviceFillsFields = true;
    QJsonObject p = params();
    if (!p.contains(QStringLiteral("meterNo")) && !m_meterNo.isEmpty())
        p.insert(QStringLiteral("meterNo"), m_meterNo);
    m_errors = CommandValidation::validate(m_spec.name, p, ctx);
    // The service takes the meter from the request, so its own checks skip it; a form opened without
    // a meter (registering a new one) must still name it.
    if (p.value(QStringLiteral("meterNo")).toString().isEmpty())
        m_errors.prepend(makeError(QStringLiteral("9002"), QStringLiteral("meterNo"), QStringLiteral("required")));
    for (const Error &e : localRules(p))
        if (!m_errors.contains(e) && std::none_of(m_errors.cbegin(), m_errors.cend(), [&e](const Error &x) {
                return x.code == e.code && x.path == e.path;
            }))
            m_errors << e;

    const QList<Error> rest = placeErrors(m_errors);
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        QList<Error> mine;
        for (const Error &e : rest)
            if (e.path == it.key())
                mine << e;
        showFieldError(it.value(), mine);
    }
    QList<Error> unplaced;
    for (const Error &e : rest)
        if (!m_errorLabels.contains(e.path))
            unplaced << e;
    showFieldError(m_summary, unplaced);

    const bool valid = m_errors.isEmpty();
    if (valid != m_lastValid) {
        m_lastValid = valid;
        emit validityChanged(valid);
    }
    return valid;
}

QList<Error> CommandForm::placeErrors(const QList<Error> &errors)
{
    return errors;
}

} // namespace md
