// SPDX-License-Identifier: GPL-3.0-or-later
#include "dictionary.h"

#include <QCoreApplication>

namespace md::Dictionary {

const QList<DictEntry> &returnCodes()
{
    static const QList<DictEntry> list{
        {"0000", "交易成功", QT_TRANSLATE_NOOP("md::Dictionary", "Success")},
        {"1001", "表厂编号不存在", QT_TRANSLATE_NOOP("md::Dictionary", "Unknown factory code")},
        {"1002", "表具型号不存在", QT_TRANSLATE_NOOP("md::Dictionary", "Unknown meter type")},
        {"1003", "表具编号不存在", QT_TRANSLATE_NOOP("md::Dictionary", "Unknown meter number")},
        {"1101", "阶梯级数不能为空", QT_TRANSLATE_NOOP("md::Dictionary", "Ladder count missing")},
        {"1102", "阶梯价阶梯级数不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Ladder count invalid")},
        {"1103", "调价日期不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Effective date invalid")},
        {"1104", "阶梯价周期开始日期不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Cycle start date invalid")},
        {"1105", "单价不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Unit price invalid")},
        {"1106", "阶梯气量不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Ladder volumes invalid")},
        {"1107", "价格调整时间不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Price change time invalid")},
        {"1108", "阶梯价累用量不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Ladder accumulated volume invalid")},
        {"1201", "充值交易流水号为空", QT_TRANSLATE_NOOP("md::Dictionary", "Recharge trade number missing")},
        {"1202", "充值时间不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Recharge time invalid")},
        {"1203", "充值金额不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Recharge amount invalid")},
        {"1301", "报警时间不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Alarm time invalid")},
        {"1302", "报警类型不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Alarm type invalid")},
        {"9001", "鉴权失败", QT_TRANSLATE_NOOP("md::Dictionary", "Authentication failed")},
        {"9002", "报文格式不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Malformed message")},
        {"9003", "数字签名不正确", QT_TRANSLATE_NOOP("md::Dictionary", "Signature invalid")},
        {"9004", "服务应用编号对应租户编号为空", QT_TRANSLATE_NOOP("md::Dictionary", "No tenant for this appId")},
        {"9005", "当前表具不支持此交易", QT_TRANSLATE_NOOP("md::Dictionary", "Meter does not support this transaction")},
        {"9998", "暂停服务", QT_TRANSLATE_NOOP("md::Dictionary", "Service suspended")},
        {"9999", "未知错误", QT_TRANSLATE_NOOP("md::Dictionary", "Unknown error")},
    };
    return list;
}

const QList<AlarmTypeInfo> &alarmTypes()
{
    static const QList<AlarmTypeInfo> list{
        {"0000", "无报警", QT_TRANSLATE_NOOP("md::Dictionary", "No alarm"), Severity::Info, false},
        {"1001", "通讯异常", QT_TRANSLATE_NOOP("md::Dictionary", "Communication failure"), Severity::Warning, true},
        {"1002", "燃气泄露", QT_TRANSLATE_NOOP("md::Dictionary", "Gas leak"), Severity::Critical, true},
        {"1003", "干簧管坏", QT_TRANSLATE_NOOP("md::Dictionary", "Reed switch broken"), Severity::Warning, false},
        {"1004", "存储器坏", QT_TRANSLATE_NOOP("md::Dictionary", "Memory failure"), Severity::Warning, false},
        {"1005", "强磁干扰", QT_TRANSLATE_NOOP("md::Dictionary", "Magnetic interference"), Severity::Warning, false},
        {"1006", "死表故障", QT_TRANSLATE_NOOP("md::Dictionary", "Dead meter"), Severity::Warning, false},
        {"1007", "阀门漏气", QT_TRANSLATE_NOOP("md::Dictionary", "Valve leaking"), Severity::Critical, false},
        {"1009", "电池故障", QT_TRANSLATE_NOOP("md::Dictionary", "Battery failure"), Severity::Warning, true},
        {"1010", "过流报警", QT_TRANSLATE_NOOP("md::Dictionary", "Flow over limit"), Severity::Warning, false},
        {"2001", "强行关阀", QT_TRANSLATE_NOOP("md::Dictionary", "Forced valve close"), Severity::Warning, true},
        {"2002", "取消强关", QT_TRANSLATE_NOOP("md::Dictionary", "Forced close cancelled"), Severity::Info, false},
        {"3001", "欠费提醒", QT_TRANSLATE_NOOP("md::Dictionary", "Arrears, valve closed"), Severity::Warning, true},
        {"3002", "充值提醒", QT_TRANSLATE_NOOP("md::Dictionary", "Low balance (level 1)"), Severity::Info, false},
        {"3003", "充值提醒", QT_TRANSLATE_NOOP("md::Dictionary", "Low balance (level 2)"), Severity::Info, false},
        {"4001", "低电量报警", QT_TRANSLATE_NOOP("md::Dictionary", "Low battery"), Severity::Warning, false},
    };
    return list;
}

const QList<DictEntry> &valveStatuses()
{
    static const QList<DictEntry> list{
        {"0", "开", QT_TRANSLATE_NOOP("md::Dictionary", "Open")},
        {"1", "关", QT_TRANSLATE_NOOP("md::Dictionary", "Closed")},
        {"2", "异常", QT_TRANSLATE_NOOP("md::Dictionary", "Abnormal")},
        {"3", "无阀门", QT_TRANSLATE_NOOP("md::Dictionary", "No valve")},
        {"4", "普关", QT_TRANSLATE_NOOP("md::Dictionary", "Ordinary close")},
    };
    return list;
}

const QList<DictEntry> &valveOperations()
{
    static const QList<DictEntry> list{
        {"0", "开", QT_TRANSLATE_NOOP("md::Dictionary", "Open valve")},
        {"1", "关", QT_TRANSLATE_NOOP("md::Dictionary", "Close valve")},
        {"2", "普关", QT_TRANSLATE_NOOP("md::Dictionary", "Ordinary close")},
    };
    return list;
}

const QList<DictEntry> &powerTypes()
{
    static const QList<DictEntry> list{
        {"1", "主电池", QT_TRANSLATE_NOOP("md::Dictionary", "Main battery")},
        {"2", "备份电池", QT_TRANSLATE_NOOP("md::Dictionary", "Backup battery")},
        {"3", "主电源", QT_TRANSLATE_NOOP("md::Dictionary", "Mains")},
        {"4", "备份电源", QT_TRANSLATE_NOOP("md::Dictionary", "Backup supply")},
    };
    return list;
}

const QList<DictEntry> &resultCodes()
{
    static const QList<DictEntry> list{
        {"00", "成功", QT_TRANSLATE_NOOP("md::Dictionary", "Succeeded")},
        {"01", "失败", QT_TRANSLATE_NOOP("md::Dictionary", "Failed")},
    };
    return list;
}

const QList<DictEntry> &rechargeTypes()
{
    static const QList<DictEntry> list{
        {"1", "金额", QT_TRANSLATE_NOOP("md::Dictionary", "By amount")},
        {"2", "气量", QT_TRANSLATE_NOOP("md::Dictionary", "By volume")},
    };
    return list;
}

const QList<DictEntry> &meterOperations()
{
    static const QList<DictEntry> list{
        {"register", "注册", QT_TRANSLATE_NOOP("md::Dictionary", "Register")},
        {"modify", "修改", QT_TRANSLATE_NOOP("md::Dictionary", "Modify")},
        {"remove", "移除", QT_TRANSLATE_NOOP("md::Dictionary", "Remove")},
    };
    return list;
}

const DictEntry *find(const QList<DictEntry> &list, const QString &code)
{
    for (const auto &e : list)
        if (code == QLatin1String(e.code))
            return &e;
    return nullptr;
}

QString returnCodeText(const QString &code)
{
    const auto *e = find(returnCodes(), code);
    return e ? QString::fromUtf8(e->wireText) : QString();
}

bool isKnownReturnCode(const QString &code)
{
    return find(returnCodes(), code) != nullptr;
}

const AlarmTypeInfo *alarmType(const QString &code)
{
    for (const auto &a : alarmTypes())
        if (code == QLatin1String(a.code))
            return &a;
    return nullptr;
}

bool isCriticalAlarm(const QString &code)
{
    const auto *a = alarmType(code);
    return a && a->severity == Severity::Critical;
}

QString displayName(const QList<DictEntry> &list, const QString &code)
{
    const auto *e = find(list, code);
    return e ? QCoreApplication::translate("md::Dictionary", e->englishName) : code;
}

QString alarmDisplayName(const QString &code)
{
    const auto *a = alarmType(code);
    return a ? QCoreApplication::translate("md::Dictionary", a->englishName) : code;
}

} // namespace md::Dictionary
