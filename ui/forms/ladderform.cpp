// SPDX-License-Identifier: GPL-3.0-or-later
#include "ladderform.h"

#include "fieldeditor.h"
#include "fieldlabels.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QVBoxLayout>

namespace md {
namespace {

QStringList ladderFields()
{
    QStringList f{QStringLiteral("priceLadderNum")};
    for (int i = 0; i < LadderForm::maxTiers; ++i)
        f << QStringLiteral("price%1").arg(i);
    for (int i = 1; i < LadderForm::maxTiers; ++i)
        f << QStringLiteral("level%1").arg(i);
    return f;
}

const QString errorStyle = QStringLiteral("border: 2px solid #b3261e;");

} // namespace

LadderForm::LadderForm(const MessageSpec &spec, QWidget *parent) : CommandForm(spec, parent, ladderFields())
{
    auto *tierBox = new QWidget(this);
    auto *tierRow = new QVBoxLayout(tierBox);
    tierRow->setContentsMargins(0, 0, 0, 0);
    m_tiers = new QSpinBox(tierBox);
    m_tiers->setObjectName(QStringLiteral("priceLadderNum"));
    // 0 shows as "choose": an empty tier count is the spec's 1101, shown like any other error.
    m_tiers->setRange(0, maxTiers);
    m_tiers->setSpecialValueText(tr("(choose 1-5)"));
    m_tiers->setValue(1);
    m_tiers->setToolTip(tr("1 = a single price"));
    m_tiersError = makeErrorLabel(tierBox, QStringLiteral("priceLadderNum_error"));
    tierRow->addWidget(m_tiers);
    tierRow->addWidget(m_tiersError);
    auto *tiersLabel = new QLabel(FieldLabels::label(QStringLiteral("priceLadderNum")) + QStringLiteral(" *"), this);
    tiersLabel->setBuddy(m_tiers);
    formLayout()->insertRow(4, tiersLabel, tierBox); // after name and version (editor + error rows)

    auto *table = new QWidget(this);
    table->setObjectName(QStringLiteral("ladderTable"));
    m_grid = new QGridLayout(table);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->addWidget(new QLabel(tr("Tier"), table), 0, 0);
    m_grid->addWidget(new QLabel(tr("Price (yuan/m³)"), table), 0, 1);
    m_grid->addWidget(new QLabel(tr("Up to (m³ per cycle)"), table), 0, 2);
    const QRegularExpression priceRx(decimalPattern(4, false));
    const QRegularExpression volumeRx(decimalPattern(3, false));
    for (int i = 0; i < maxTiers; ++i) {
        auto *label = new QLabel(tr("Tier %1").arg(i + 1), table);
        auto *price = new QLineEdit(table);
        price->setObjectName(QStringLiteral("price%1").arg(i));
        price->setValidator(new QRegularExpressionValidator(priceRx, price));
        price->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        price->setPlaceholderText(QStringLiteral("0.0000"));
        m_grid->addWidget(label, i + 1, 0);
        m_grid->addWidget(price, i + 1, 1);
        m_rowLabels << label;
        m_prices << price;
        connect(price, &QLineEdit::textChanged, this, &LadderForm::onEdited);
        if (i < maxTiers - 1) {
            auto *limit = new QLineEdit(table);
            limit->setObjectName(QStringLiteral("level%1").arg(i + 1));
            limit->setValidator(new QRegularExpressionValidator(volumeRx, limit));
            limit->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            limit->setPlaceholderText(QStringLiteral("0.000"));
            m_grid->addWidget(limit, i + 1, 2);
            m_limits << limit;
            connect(limit, &QLineEdit::textChanged, this, &LadderForm::onEdited);
        }
        auto *note = new QLabel(tr("no upper limit"), table);
        note->setEnabled(false);
        m_grid->addWidget(note, i + 1, 2);
        m_lastTierNotes << note;
    }
    m_tableError = makeErrorLabel(table, QStringLiteral("ladder_error"));
    m_grid->addWidget(m_tableError, maxTiers + 1, 0, 1, 3);
    formLayout()->insertRow(5, tr("Tiers"), table);

    // Keyboard order: tier count, then each row's price and limit, left to right, top to bottom.
    QWidget *prev = m_tiers;
    for (int i = 0; i < maxTiers; ++i) {
        setTabOrder(prev, m_prices[i]);
        prev = m_prices[i];
        if (i < m_limits.size()) {
            setTabOrder(prev, m_limits[i]);
            prev = m_limits[i];
        }
    }
    connect(m_tiers, &QSpinBox::valueChanged, this, [this] {
        updateRows();
        onEdited();
    });
    m_cycleNote = new QLabel(this);
    m_cycleNote->setObjectName(QStringLiteral("cycleNote"));
    m_cycleNote->setWordWrap(true);
    formLayout()->addRow(QString(), m_cycleNote);
    connect(this, &CommandForm::edited, this, &LadderForm::updateCycleNote);
    updateRows();
    updateCycleNote();
}

void LadderForm::updateCycleNote()
{
    // The spec leaves both optional: the ladder is sent without them, and the meter goes on with
    // the 阶梯计费周期 it has. A single price has no tiers to count per cycle: no note.
    const QJsonObject p = CommandForm::params();
    const bool noCycle = p.value(QStringLiteral("billingCycle")).toString().trimmed().isEmpty();
    const bool noStart = p.value(QStringLiteral("cycleStartDate")).toString().trimmed().isEmpty();
    QString text;
    if (tiers() > 1 && noCycle && noStart)
        text = tr("No billing cycle and no cycle start: the meter keeps its current tiered billing cycle.");
    else if (tiers() > 1 && noCycle)
        text = tr("No billing cycle: the meter keeps its current tiered billing cycle.");
    else if (tiers() > 1 && noStart)
        text = tr("No cycle start: the meter keeps the start of its current tiered billing cycle.");
    m_cycleNote->setText(text);
    m_cycleNote->setVisible(!text.isEmpty());
}

int LadderForm::tiers() const
{
    return m_tiers->value();
}

void LadderForm::setTiers(int n)
{
    m_tiers->setValue(n);
}

QWidget *LadderForm::firstInput() const
{
    return CommandForm::firstInput();
}

void LadderForm::updateRows()
{
    const int n = qMax(1, tiers());
    for (int i = 0; i < maxTiers; ++i) {
        const bool shown = i < n;
        m_rowLabels[i]->setVisible(shown);
        m_prices[i]->setVisible(shown);
        if (i < m_limits.size())
            m_limits[i]->setVisible(shown && i < n - 1);
        m_lastTierNotes[i]->setVisible(shown && i == n - 1);
    }
}

QJsonObject LadderForm::params() const
{
    QJsonObject p = CommandForm::params();
    const int n = tiers();
    if (n > 0)
        p.insert(QStringLiteral("priceLadderNum"), QString::number(n));
    // Only the tiers in use are sent: a hidden row keeps what was typed but never leaves.
    for (int i = 0; i < qMin(n, maxTiers); ++i) {
        if (!m_prices[i]->text().isEmpty())
            p.insert(QStringLiteral("price%1").arg(i), m_prices[i]->text());
        if (i < n - 1 && !m_limits[i]->text().isEmpty())
            p.insert(QStringLiteral("level%1").arg(i + 1), m_limits[i]->text());
    }
    return p;
}

void LadderForm::setValue(const QString &field, const QString &wireText)
{
    if (field == u"priceLadderNum") {
        m_tiers->setValue(wireText.toInt());
        return;
    }
    for (int i = 0; i < maxTiers; ++i) {
        if (field == QStringLiteral("price%1").arg(i)) {
            m_prices[i]->setText(wireText);
            return;
        }
        if (i < m_limits.size() && field == QStringLiteral("level%1").arg(i + 1)) {
            m_limits[i]->setText(wireText);
            return;
        }
    }
    CommandForm::setValue(field, wireText);
}

QList<Error> LadderForm::placeErrors(const QList<Error> &errors)
{
    QList<Error> rest, tierErrors, tableErrors;
    for (QLineEdit *e : std::as_const(m_prices))
        e->setStyleSheet(QString());
    for (QLineEdit *e : std::as_const(m_limits))
        e->setStyleSheet(QString());
    for (const Error &e : errors) {
        if (e.path == u"priceLadderNum" || ((e.code == u"1101" || e.code == u"1102") && e.path.isEmpty())) {
            tierErrors << e;
            continue;
        }
        bool placed = false;
        for (int i = 0; i < maxTiers && !placed; ++i) {
            if (e.path == QStringLiteral("price%1").arg(i)) {
                m_prices[i]->setStyleSheet(errorStyle);
                placed = true;
            } else if (i < m_limits.size() && e.path == QStringLiteral("level%1").arg(i + 1)) {
                m_limits[i]->setStyleSheet(errorStyle);
                placed = true;
            }
        }
        if (placed || (e.path.isEmpty() && (e.code == u"1105" || e.code == u"1106")))
            tableErrors << e;
        else
            rest << e;
    }
    showFieldError(m_tiersError, tierErrors);
    showFieldError(m_tableError, tableErrors);
    return rest;
}

QList<Error> LadderForm::localRules(const QJsonObject &) const
{
    // cycleStartDate and billingCycle are optional in the spec: a ladder without them is sent and
    // the meter keeps its current cycle. The shared rules (CommandValidation) check a given one.
    return {};
}

void LadderForm::setOwnReadOnly(bool readOnly)
{
    m_tiers->setReadOnly(readOnly);
    for (QLineEdit *e : std::as_const(m_prices))
        e->setReadOnly(readOnly);
    for (QLineEdit *e : std::as_const(m_limits))
        e->setReadOnly(readOnly);
}

} // namespace md
