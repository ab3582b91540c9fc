// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A small insertion-ordered map with the part of QHash's API that Record's users need (value,
// contains, constFind, insert, cbegin/cend with key()/value()/->). Why not QHash: Qt 6.4's QHash
// allocates 48 nodes on its first insert (about 3.5 KB for a Record's ten fields), which made a
// 24,000-reading batch spend most of its parse time in malloc and page faults. A record has at
// most ~20 keys, so a linear scan over one contiguous array is both smaller and faster.

#include <QList>
#include <QString>
#include <QStringList>

#include <iterator>
#include <utility>

namespace md {

template<typename V>
class FieldMap
{
    using Entries = QList<std::pair<QString, V>>;

    template<typename Base, typename Value>
    class Iter
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = V;
        using difference_type = qsizetype;
        using pointer = Value *;
        using reference = Value &;

        Iter() = default;
        explicit Iter(Base it) : m_it(it) {}
        const QString &key() const { return m_it->first; }
        Value &value() const { return m_it->second; }
        Value &operator*() const { return m_it->second; }
        Value *operator->() const { return &m_it->second; }
        Iter &operator++()
        {
            ++m_it;
            return *this;
        }
        Iter operator++(int)
        {
            Iter old = *this;
            ++m_it;
            return old;
        }
        bool operator==(const Iter &o) const { return m_it == o.m_it; }
        bool operator!=(const Iter &o) const { return m_it != o.m_it; }

    private:
        Base m_it{};
    };

public:
    using iterator = Iter<typename Entries::iterator, V>;
    using const_iterator = Iter<typename Entries::const_iterator, const V>;
    using key_type = QString;
    using mapped_type = V;

    qsizetype size() const { return m_entries.size(); }
    qsizetype count() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    bool empty() const { return m_entries.isEmpty(); }
    void reserve(qsizetype n) { m_entries.reserve(n); }
    void clear() { m_entries.clear(); }

    const_iterator constFind(const QString &key) const { return const_iterator(findEntry(key)); }
    const_iterator find(const QString &key) const { return constFind(key); }
    iterator find(const QString &key)
    {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it->first == key)
                return iterator(it);
        return end();
    }
    bool contains(const QString &key) const { return findEntry(key) != m_entries.cend(); }
    V value(const QString &key, const V &fallback = V()) const
    {
        const auto it = findEntry(key);
        return it == m_entries.cend() ? fallback : it->second;
    }
    // Replaces the value when the key is present (as QHash::insert does).
    iterator insert(const QString &key, V value)
    {
        auto it = find(key);
        if (it != end()) {
            *it = std::move(value);
            return it;
        }
        m_entries.emplace_back(key, std::move(value));
        return iterator(std::prev(m_entries.end()));
    }
    V &operator[](const QString &key)
    {
        auto it = find(key);
        if (it == end())
            it = insert(key, V());
        return *it;
    }
    bool remove(const QString &key)
    {
        const auto before = m_entries.size();
        m_entries.removeIf([&](const auto &e) { return e.first == key; });
        return m_entries.size() != before;
    }
    V take(const QString &key)
    {
        auto it = find(key);
        if (it == end())
            return V();
        V v = std::move(*it);
        remove(key);
        return v;
    }
    QStringList keys() const
    {
        QStringList out;
        out.reserve(m_entries.size());
        for (const auto &e : m_entries)
            out << e.first;
        return out;
    }

    iterator begin() { return iterator(m_entries.begin()); }
    iterator end() { return iterator(m_entries.end()); }
    const_iterator begin() const { return const_iterator(m_entries.cbegin()); }
    const_iterator end() const { return const_iterator(m_entries.cend()); }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }
    const_iterator constBegin() const { return begin(); }
    const_iterator constEnd() const { return end(); }

private:
    typename Entries::const_iterator findEntry(const QString &key) const
    {
        for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
            if (it->first == key)
                return it;
        return m_entries.cend();
    }

    Entries m_entries;
};

} // namespace md
