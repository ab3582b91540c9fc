// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterform.h"

#include "fieldeditor.h"
#include "fieldlabels.h"
#include "formcontext.h"

#include "core/whendone.h"
#include "protocol/catalog.h"
#include "storage/store.h"
#include "ui/models/consolecontext.h"

#include <QFormLayout>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>

namespace md {

const QStringList &ParameterForm::unitFields()
{
    // setParameter's amounts (catalogue "format": money) are in the meter's billing unit.
    static const QStringList fields = [] {
        QStringList out;
        if (const MessageSpec *spec = Catalog::instance().command(QStringLiteral("setParameter")))
            for (const FieldSpec &f : spec->fields)
                if (f.textFormat == TextFormat::Money)
                    out << f.name;
        return out;
    }();
    return fields;
}

ParameterForm::ParameterForm(const MessageSpec &spec, QWidget *parent) : CommandForm(spec, parent) {}

void ParameterForm::setContext(const FormContext &context)
{
    // A batch has no one meter, hence no one unit: its labels stay without one.
    if (!context.store || meterNo().isEmpty())
        return;
    applyUnit(false); // what the service sends while the unit is unknown
    const std::shared_ptr<Store> store = context.store;
    const QString meter = meterNo();
    whenDone(QtConcurrent::run(ConsoleContext::readPool(), [store, meter] { return store->nextRechargeNumbers(meter, Money()); }), this,
        [this](const Result<RechargeNumbers> &r) {
            if (r.ok() && r.value().billedByVolume)
                applyUnit(*r.value().billedByVolume);
            emit backgroundDataArrived();
        });
}

void ParameterForm::applyUnit(bool byVolume)
{
    m_byVolume = byVolume;
    for (const QString &field : unitFields()) {
        FieldEditor *ed = editor(field);
        if (!ed)
            continue;
        ed->setDecimals(byVolume ? 3 : 2);
        if (auto *label = qobject_cast<QLabel *>(formLayout()->labelForField(ed->widget())))
            label->setText(byVolume ? tr("%1 (m³)").arg(FieldLabels::label(field)) : tr("%1 (yuan)").arg(FieldLabels::label(field)));
    }
}

} // namespace md
