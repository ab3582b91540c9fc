// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small read-only table of already formatted text (recharge ledger, parameters, readings of the
// detail tabs). The header is a function so it retranslates on a language change.

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>

#include <functional>

namespace md {

class TextTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using HeaderFn = std::function<QStringList()>;
    explicit TextTableModel(HeaderFn header, QObject *parent = nullptr);

    // rowColours: optional foreground colour per row (empty or invalid: default).
    void setRows(QList<QStringList> rows, QList<QColor> rowColours = {});
    const QList<QStringList> &rows() const { return m_rows; }
    void retranslate(); // re-reads the header

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    HeaderFn m_headerFn;
    QStringList m_header;
    QList<QStringList> m_rows;
    QList<QColor> m_colours;
};

} // namespace md
