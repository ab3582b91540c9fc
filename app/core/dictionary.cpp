// SPDX-License-Identifier: GPL-3.0-or-later
#include "dictionary.h"

#include <QCoreApplication>

namespace md::Dictionary {

#define TR(s) QT_TRANSLATE_NOOP("md::Dictionary", s)

const QList<DictEntry> &returnCodes()
{
    static const QList<DictEntry> list{
        {"0000", "交易成功", TR("Success")},
        {"1001", "表厂编号不存在", TR("Unknown factory code")},
        {"1002", "表具型号不存在", TR("Unknown meter type")},
        {"1003", "表具编号不存在", TR("Unknown meter number")},
        {"1101", "阶梯级数不能为空", TR("Ladder count missing")},
        {"1102", "阶梯价阶梯级数不正确", TR("Ladder count invalid")},
        {"1103", "调价日期不正确", TR("Effective date invalid")},
        {"1104", "阶梯价周期开始日期不正确", TR("Cycle start date invalid")},
        {"1105", "单价不正确", TR("Unit price invalid")},
        {"1106", "阶梯气量不正确", TR("Ladder volumes invalid")},
        {"1107", "价格调整时间不正确", TR("Price change time invalid")},
        {"1108", "阶梯价累用量不正确", TR("Ladder accumulated volume invalid")},
        {"1201", "充值交易流水号为空", TR("Recharge trade number missing")},
        {"1202", "充值时间不正确", TR("Recharge time invalid")},
        {"1203", "充值金额不正确", TR("Recharge amount invalid")},
        {"1301", "报警时间不正确", TR("Alarm time invalid")},
        {"1302", "报警类型不正确", TR("Alarm type invalid")},
        {"9001", "鉴权失败", TR("Authentication failed")},
        {"9002", "报文格式不正确", TR("Malformed message")},
        {"9003", "数字签名不正确", TR("Signature invalid")},
        {"9004", "服务应用编号对应租户编号为空", TR("No tenant for this appId")},
        {"9005", "当前表具不支持此交易", TR("Meter does not support this transaction")},
        {"9998", "暂停服务", TR("Service suspended")},
        {"9999", "未知错误", TR("Unknown error")},
    };
    return list;
}

const QList<AlarmTypeInfo> &alarmTypes()
{
    static const QList<AlarmTypeInfo> list{
        {"0000", "无报警", TR("No alarm"), Severity::Info, false},
        {"1001", "通讯异常", TR("Communication failure"), Severity::Warning, true},
        {"1002", "燃气泄露", TR("Gas leak"), Severity::Critical, true},
        {"1003", "干簧管坏", TR("Reed switch broken"), Severity::Warning, false},
        {"1004", "存储器坏", TR("Memory failure"), Severity::Warning, false},
        {"1005", "强磁干扰", TR("Magnetic interference"), Severity::Warning, false},
        {"1006", "死表故障", TR("Dead meter"), Severity::Warning, false},
        {"1007", "阀门漏气", TR("Valve leaking"), Severity::Critical, false},
        {"1009", "电池故障", TR("Battery failure"), Severity::Warning, true},
        {"1010", "过流报警", TR("Flow over limit"), Severity::Warning, false},
        {"2001", "强行关阀", TR("Forced valve close"), Severity::Warning, true},
        {"2002", "取消强关", TR("Forced close cancelled"), Severity::Info, false},
        {"3001", "欠费提醒", TR("Arrears, valve closed"), Severity::Warning, true},
        {"3002", "充值提醒", TR("Low balance (level 1)"), Severity::Info, false},
        {"3003", "充值提醒", TR("Low balance (level 2)"), Severity::Info, false},
        {"4001", "低电量报警", TR("Low battery"), Severity::Warning, false},
    };
    return list;
}

const QList<DictEntry> &valveStatuses()
{
    static const QList<DictEntry> list{
        {"0", "开", TR("Open")},
        {"1", "关", TR("Closed")},
        {"2", "异常", TR("Abnormal")},
        {"3", "无阀门", TR("No valve")},
        {"4", "普关", TR("Ordinary close")},
    };
    return list;
}

const QList<DictEntry> &valveOperations()
{
    static const QList<DictEntry> list{
        {"0", "开", TR("Open valve")},
        {"1", "关", TR("Close valve")},
        {"2", "普关", TR("Ordinary close")},
    };
    return list;
}

const QList<DictEntry> &powerTypes()
{
    static const QList<DictEntry> list{
        {"1", "主电池", TR("Main battery")},
        {"2", "备份电池", TR("Backup battery")},
        {"3", "主电源", TR("Mains")},
        {"4", "备份电源", TR("Backup supply")},
    };
    return list;
}

const QList<DictEntry> &resultCodes()
{
    static const QList<DictEntry> list{
        {"00", "成功", TR("Succeeded")},
        {"01", "失败", TR("Failed")},
    };
    return list;
}

const QList<DictEntry> &rechargeTypes()
{
    static const QList<DictEntry> list{
        {"1", "金额", TR("By amount")},
        {"2", "气量", TR("By volume")},
    };
    return list;
}

const QList<DictEntry> &meterOperations()
{
    static const QList<DictEntry> list{
        {"register", "注册", TR("Register")},
        {"modify", "修改", TR("Modify")},
        {"remove", "移除", TR("Remove")},
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
