<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Cannot open %1 for review: %2</source>
        <translation>无法打开 %1 进行查阅：%2</translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation>无法打开数据库 %1：%2</translation>
    </message>
    <message>
        <source>Creating the demo database…</source>
        <translation>正在创建演示数据库…</translation>
    </message>
    <message>
        <source>The demo data could not be written: %1</source>
        <translation>无法写入演示数据：%1</translation>
    </message>
</context>
<context>
    <name>md::AlarmBanner</name>
    <message>
        <source>Open meter</source>
        <translation>打开表具</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>%1 at meter %2 since %3</source>
        <translation>表具 %2 发生%1，开始于 %3</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more unacknowledged critical alarm(s))</source>
        <translation>
            <numerusform>（另有 %n 条未确认的严重报警）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::AlarmModel</name>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>报警中</translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation>已解除 %1</translation>
    </message>
    <message>
        <source>Raised at</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最近出现</translation>
    </message>
    <message>
        <source>Times raised</source>
        <translation>报警次数</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>确认时间</translation>
    </message>
</context>
<context>
    <name>md::AlarmsView</name>
    <message>
        <source>Alarms not available: %1</source>
        <translation>无法读取报警：%1</translation>
    </message>
    <message>
        <source>Could not acknowledge: %1</source>
        <translation>无法确认：%1</translation>
    </message>
    <message>
        <source>All alarm types</source>
        <translation>全部报警类型</translation>
    </message>
    <message>
        <source>Meter No. (Enter)</source>
        <translation>表具编号（回车）</translation>
    </message>
    <message>
        <source>Include cleared (history)</source>
        <translation>包含已解除（历史）</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>仅严重报警</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>Read-only: offline review</source>
        <translation>只读：离线查阅</translation>
    </message>
    <message>
        <source>Records your name and the time</source>
        <translation>记录您的姓名和时间</translation>
    </message>
    <message>
        <source>Open meter</source>
        <translation>打开表具</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
</context>
<context>
    <name>md::BarChart</name>
    <message>
        <source>No uploads yet</source>
        <translation>尚无上报</translation>
    </message>
</context>
<context>
    <name>md::BatchDialog</name>
    <message numerus="yes">
        <source>%1 - %n meter(s)</source>
        <translation>
            <numerusform>%1 - %n 块表</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s): %1</source>
        <translation>
            <numerusform>%n 块表：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>%v of %m meters</source>
        <translation>%v / %m 块表</translation>
    </message>
    <message>
        <source>&amp;Send to all</source>
        <translation>全部发送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;CSV…</source>
        <translation>保存 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Save the batch outcome</source>
        <translation>保存批量结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Send &quot;%1&quot; to %n meter(s)? Each meter gets its own command; NB-IoT meters answer when they wake (about once a day).</source>
        <translation>
            <numerusform>向 %n 块表发送“%1”？每块表各自生成一条指令；NB-IoT 表具在唤醒时应答（大约每天一次）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Send to all</source>
        <translation>全部发送</translation>
    </message>
    <message>
        <source>The batch could not start.</source>
        <translation>批量任务无法启动。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>invalid %1</source>
        <translation>%1 无效</translation>
    </message>
    <message>
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Done. </source>
        <translation>完成。</translation>
    </message>
    <message>
        <source> - in %1 s. Results that arrive later still update this table.</source>
        <translation> - 用时 %1 秒。之后到达的结果仍会更新此表。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
</context>
<context>
    <name>md::BatchResultModel</name>
    <message>
        <source>not sent (invalid)</source>
        <translation>未发送（无效）</translation>
    </message>
    <message>
        <source>not sent (batch cancelled)</source>
        <translation>未发送（批量已取消）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>表具</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Trade number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>应答</translation>
    </message>
</context>
<context>
    <name>md::CancelRechargeForm</name>
    <message>
        <source>Choose the recharge to cancel in the ledger.</source>
        <translation>请在充值台账中选择要取消的充值。</translation>
    </message>
    <message>
        <source>Recharge ledger</source>
        <translation>充值台账</translation>
    </message>
    <message>
        <source>To cancel</source>
        <translation>待取消</translation>
    </message>
    <message>
        <source>The ledger could not be read: %1</source>
        <translation>无法读取台账：%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>md::CommandDialog</name>
    <message>
        <source>%1 - meter %2</source>
        <translation>%1 - 表具 %2</translation>
    </message>
    <message>
        <source>Meter %1</source>
        <translation>表具 %1</translation>
    </message>
    <message>
        <source>&amp;Preview request</source>
        <translation>预览请求(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Meter %1 (the registry could not be read: %2)</source>
        <translation>表具 %1（无法读取档案：%2）</translation>
    </message>
    <message>
        <source>Meter %1 is not in the registry.</source>
        <translation>表具 %1 不在档案中。</translation>
    </message>
    <message>
        <source>valve: %1</source>
        <translation>阀门：%1</translation>
    </message>
    <message>
        <source>balance ¥%1</source>
        <translation>余额 ¥%1</translation>
    </message>
    <message numerus="yes">
        <source>%n active alarm(s)</source>
        <translation>
            <numerusform>%n 条当前报警</numerusform>
        </translation>
    </message>
    <message>
        <source>No platform connection is configured.</source>
        <translation>尚未配置平台连接。</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to meter %2?</source>
        <translation>向表具 %2 发送“%1”？</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
</context>
<context>
    <name>md::CommandForm</name>
    <message>
        <source>invalid value</source>
        <translation>无效值</translation>
    </message>
    <message>
        <source>%1 %2 - %3</source>
        <translation>%1 %2 - %3</translation>
    </message>
</context>
<context>
    <name>md::CommandLauncher</name>
    <message>
        <source>Cancel command</source>
        <translation>取消指令</translation>
    </message>
    <message>
        <source>Cancel the selected command while it is still queued</source>
        <translation>在指令仍排队时取消所选指令</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>重新发送…</translation>
    </message>
    <message>
        <source>Send the selected command again (a recharge keeps its trade number)</source>
        <translation>再次发送所选指令（充值沿用原交易流水号）</translation>
    </message>
    <message>
        <source>Cancel command %1? It has not left yet; nothing reaches the meter.</source>
        <translation>取消指令 %1？它尚未发出，不会到达表具。</translation>
    </message>
    <message>
        <source>Cancel the command</source>
        <translation>取消该指令</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Command %1 cancelled.</source>
        <translation>指令 %1 已取消。</translation>
    </message>
    <message>
        <source>Not cancelled: %1</source>
        <translation>未取消：%1</translation>
    </message>
    <message>
        <source>The command could not be read.</source>
        <translation>无法读取该指令。</translation>
    </message>
    <message>
        <source>Only a rejected, unreachable, expired or failed command can be resent.</source>
        <translation>只有被拒绝、不可达、过期或失败的指令可以重新发送。</translation>
    </message>
    <message>
        <source>Resend - %1</source>
        <translation>重新发送 - %1</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Send &quot;%1&quot; to meter %2 again? A new command number is used; the old command stays in the history as %3.</source>
        <translation>再次向表具 %2 发送“%1”？将使用新的指令序列号，原指令以 %3 保留在历史中。</translation>
    </message>
    <message>
        <source>Resent as command %1.</source>
        <translation>已作为指令 %1 重新发送。</translation>
    </message>
    <message>
        <source>Not resent: %1</source>
        <translation>未重新发送：%1</translation>
    </message>
</context>
<context>
    <name>md::CommandModel</name>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Command No.</source>
        <translation>指令序列号</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Platform reply</source>
        <translation>平台应答</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
</context>
<context>
    <name>md::CommandStatusWidget</name>
    <message>
        <source>Command %1</source>
        <translation>指令 %1</translation>
    </message>
    <message>
        <source>trade number %1</source>
        <translation>交易流水号 %1</translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation>第 %1 次尝试</translation>
    </message>
    <message>
        <source>Queued - handing the command to the platform…</source>
        <translation>排队中 - 正在把指令交给平台…</translation>
    </message>
    <message>
        <source>Sent - waiting for the meter (NB-IoT meters wake about once a day). You can close this window; the Commands view keeps following it.</source>
        <translation>已发送 - 等待表具应答（NB-IoT 表具大约每天唤醒一次）。可以关闭此窗口，指令页会继续跟踪。</translation>
    </message>
    <message>
        <source>Accepted by the platform.</source>
        <translation>平台已受理。</translation>
    </message>
    <message>
        <source>Done - the meter confirmed.</source>
        <translation>完成 - 表具已确认。</translation>
    </message>
    <message>
        <source>The meter reported a failure (result %1).</source>
        <translation>表具报告失败（结果 %1）。</translation>
    </message>
    <message>
        <source>Expired - no answer from the meter within the command lifetime. It can be resent.</source>
        <translation>已过期 - 指令有效期内表具未应答。可以重新发送。</translation>
    </message>
    <message>
        <source>Rejected by the platform: %1%2</source>
        <translation>平台拒绝：%1%2</translation>
    </message>
    <message>
        <source>Platform unreachable:%1. Nothing was confirmed; it can be resent.</source>
        <translation>平台不可达：%1。未得到任何确认，可以重新发送。</translation>
    </message>
    <message>
        <source>Cancelled by the operator.</source>
        <translation>操作员已取消。</translation>
    </message>
</context>
<context>
    <name>md::CommandText</name>
    <message>
        <source>Valve</source>
        <translation>开关阀</translation>
    </message>
    <message>
        <source>Data supplement</source>
        <translation>补抄</translation>
    </message>
    <message>
        <source>Update price and balance</source>
        <translation>更新单价和余额</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Cancel recharge</source>
        <translation>取消充值</translation>
    </message>
    <message>
        <source>Price ladder</source>
        <translation>调价</translation>
    </message>
    <message>
        <source>Read parameters</source>
        <translation>参数读取</translation>
    </message>
    <message>
        <source>Set parameters</source>
        <translation>参数设置</translation>
    </message>
    <message>
        <source>Meter information</source>
        <translation>表具信息下发</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sent, waiting for the meter</source>
        <translation>已发送，等待表具</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Rejected by the platform</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <source>Platform unreachable</source>
        <translation>平台不可达</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>md::CommandsView</name>
    <message>
        <source>Commands not available: %1</source>
        <translation>无法读取指令：%1</translation>
    </message>
    <message>
        <source>All commands</source>
        <translation>全部指令</translation>
    </message>
    <message>
        <source>Pending (queued or sent)</source>
        <translation>待完成（排队或已发送）</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed, rejected or expired</source>
        <translation>失败、被拒绝或过期</translation>
    </message>
    <message>
        <source>Meter No. (Enter)</source>
        <translation>表具编号（回车）</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>指令</translation>
    </message>
</context>
<context>
    <name>md::ConnectionProbe</name>
    <message>
        <source>The request could not be built: %1</source>
        <translation>无法生成请求：%1</translation>
    </message>
    <message>
        <source>No answer from the platform: %1</source>
        <translation>平台无应答：%1</translation>
    </message>
    <message>
        <source>Something answered (HTTP %1), but not a Qinchuan front-end: check the base URL.</source>
        <translation>有服务应答（HTTP %1），但不是秦川前置机：请检查平台地址。</translation>
    </message>
    <message>
        <source>The platform refused the credentials (9001): check appId and appSecret.</source>
        <translation>平台拒绝了凭据（9001）：请检查 appId 和 appSecret。</translation>
    </message>
    <message>
        <source>The platform refused the signature (9003): check appSecret and the signature mode.</source>
        <translation>平台拒绝了签名（9003）：请检查 appSecret 和签名模式。</translation>
    </message>
    <message>
        <source>Connected and authenticated in %1 ms (the platform answered %2 for the test meter).</source>
        <translation>已连接并通过鉴权，用时 %1 毫秒（平台对测试表具返回 %2）。</translation>
    </message>
</context>
<context>
    <name>md::ConsoleContext</name>
    <message>
        <source>This database is open read-only (offline review).</source>
        <translation>此数据库以只读方式打开（离线查阅）。</translation>
    </message>
</context>
<context>
    <name>md::Dictionary</name>
    <message>
        <source>Success</source>
        <translation>交易成功</translation>
    </message>
    <message>
        <source>Unknown factory code</source>
        <translation>表厂编号不存在</translation>
    </message>
    <message>
        <source>Unknown meter type</source>
        <translation>表具型号不存在</translation>
    </message>
    <message>
        <source>Unknown meter number</source>
        <translation>表具编号不存在</translation>
    </message>
    <message>
        <source>Ladder count missing</source>
        <translation>阶梯级数不能为空</translation>
    </message>
    <message>
        <source>Ladder count invalid</source>
        <translation>阶梯价阶梯级数不正确</translation>
    </message>
    <message>
        <source>Effective date invalid</source>
        <translation>调价日期不正确</translation>
    </message>
    <message>
        <source>Cycle start date invalid</source>
        <translation>阶梯价周期开始日期不正确</translation>
    </message>
    <message>
        <source>Unit price invalid</source>
        <translation>单价不正确</translation>
    </message>
    <message>
        <source>Ladder volumes invalid</source>
        <translation>阶梯气量不正确</translation>
    </message>
    <message>
        <source>Price change time invalid</source>
        <translation>价格调整时间不正确</translation>
    </message>
    <message>
        <source>Ladder accumulated volume invalid</source>
        <translation>阶梯价累用量不正确</translation>
    </message>
    <message>
        <source>Recharge trade number missing</source>
        <translation>充值交易流水号为空</translation>
    </message>
    <message>
        <source>Recharge time invalid</source>
        <translation>充值时间不正确</translation>
    </message>
    <message>
        <source>Recharge amount invalid</source>
        <translation>充值金额不正确</translation>
    </message>
    <message>
        <source>Alarm time invalid</source>
        <translation>报警时间不正确</translation>
    </message>
    <message>
        <source>Alarm type invalid</source>
        <translation>报警类型不正确</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>鉴权失败</translation>
    </message>
    <message>
        <source>Malformed message</source>
        <translation>报文格式不正确</translation>
    </message>
    <message>
        <source>Signature invalid</source>
        <translation>数字签名不正确</translation>
    </message>
    <message>
        <source>No tenant for this appId</source>
        <translation>服务应用编号对应租户编号为空</translation>
    </message>
    <message>
        <source>Meter does not support this transaction</source>
        <translation>当前表具不支持此交易</translation>
    </message>
    <message>
        <source>Service suspended</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>No alarm</source>
        <translation>无报警</translation>
    </message>
    <message>
        <source>Communication failure</source>
        <translation>通讯异常</translation>
    </message>
    <message>
        <source>Gas leak</source>
        <translation>燃气泄露</translation>
    </message>
    <message>
        <source>Reed switch broken</source>
        <translation>干簧管坏</translation>
    </message>
    <message>
        <source>Memory failure</source>
        <translation>存储器坏</translation>
    </message>
    <message>
        <source>Magnetic interference</source>
        <translation>强磁干扰</translation>
    </message>
    <message>
        <source>Dead meter</source>
        <translation>死表故障</translation>
    </message>
    <message>
        <source>Valve leaking</source>
        <translation>阀门漏气</translation>
    </message>
    <message>
        <source>Battery failure</source>
        <translation>电池故障</translation>
    </message>
    <message>
        <source>Flow over limit</source>
        <translation>过流报警</translation>
    </message>
    <message>
        <source>Forced valve close</source>
        <translation>强行关阀</translation>
    </message>
    <message>
        <source>Forced close cancelled</source>
        <translation>取消强关</translation>
    </message>
    <message>
        <source>Arrears, valve closed</source>
        <translation>欠费关阀</translation>
    </message>
    <message>
        <source>Low balance (level 1)</source>
        <translation>余额不足提醒（一级）</translation>
    </message>
    <message>
        <source>Low balance (level 2)</source>
        <translation>余额不足提醒（二级）</translation>
    </message>
    <message>
        <source>Low battery</source>
        <translation>低电量报警</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>No valve</source>
        <translation>无阀门</translation>
    </message>
    <message>
        <source>Ordinary close</source>
        <translation>普关</translation>
    </message>
    <message>
        <source>Open valve</source>
        <translation>开阀</translation>
    </message>
    <message>
        <source>Close valve</source>
        <translation>关阀</translation>
    </message>
    <message>
        <source>Main battery</source>
        <translation>主电池</translation>
    </message>
    <message>
        <source>Backup battery</source>
        <translation>备份电池</translation>
    </message>
    <message>
        <source>Mains</source>
        <translation>主电源</translation>
    </message>
    <message>
        <source>Backup supply</source>
        <translation>备份电源</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>By amount</source>
        <translation>按金额</translation>
    </message>
    <message>
        <source>By volume</source>
        <translation>按气量</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Modify</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>md::FieldEditor</name>
    <message>
        <source>(not sent)</source>
        <translation>（未发送）</translation>
    </message>
    <message>
        <source>Send this value</source>
        <translation>发送此值</translation>
    </message>
</context>
<context>
    <name>md::FieldLabels</name>
    <message>
        <source>Meter number</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>Command sequence number</source>
        <translation>指令序列号</translation>
    </message>
    <message>
        <source>Meter type</source>
        <translation>表具型号</translation>
    </message>
    <message>
        <source>Valve operation</source>
        <translation>阀门操作</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Unit price (yuan/m³)</source>
        <translation>单价（元/m³）</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Total used amount (yuan)</source>
        <translation>累计使用金额（元）</translation>
    </message>
    <message>
        <source>Recharge type</source>
        <translation>充值类型</translation>
    </message>
    <message>
        <source>Recharge count</source>
        <translation>充值次数</translation>
    </message>
    <message>
        <source>Trade number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>Recharge time</source>
        <translation>充值时间</translation>
    </message>
    <message>
        <source>Recharge amount</source>
        <translation>充值量</translation>
    </message>
    <message>
        <source>Total recharged (yuan)</source>
        <translation>累计充值金额（元）</translation>
    </message>
    <message>
        <source>Account balance (yuan)</source>
        <translation>账户余额（元）</translation>
    </message>
    <message>
        <source>Price name</source>
        <translation>价格名称</translation>
    </message>
    <message>
        <source>Price version</source>
        <translation>价格版本</translation>
    </message>
    <message>
        <source>Ladder tiers</source>
        <translation>阶梯级数</translation>
    </message>
    <message>
        <source>Billing cycle</source>
        <translation>阶梯计费周期</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>调价日期</translation>
    </message>
    <message>
        <source>Cycle start</source>
        <translation>周期开始日期</translation>
    </message>
    <message>
        <source>Price tier 1</source>
        <translation>第一阶梯单价</translation>
    </message>
    <message>
        <source>Price tier 2</source>
        <translation>第二阶梯单价</translation>
    </message>
    <message>
        <source>Price tier 3</source>
        <translation>第三阶梯单价</translation>
    </message>
    <message>
        <source>Price tier 4</source>
        <translation>第四阶梯单价</translation>
    </message>
    <message>
        <source>Price tier 5</source>
        <translation>第五阶梯单价</translation>
    </message>
    <message>
        <source>Tier 1 volume limit</source>
        <translation>第一阶梯气量上限</translation>
    </message>
    <message>
        <source>Tier 2 volume limit</source>
        <translation>第二阶梯气量上限</translation>
    </message>
    <message>
        <source>Tier 3 volume limit</source>
        <translation>第三阶梯气量上限</translation>
    </message>
    <message>
        <source>Tier 4 volume limit</source>
        <translation>第四阶梯气量上限</translation>
    </message>
    <message>
        <source>Price change count</source>
        <translation>调价次数</translation>
    </message>
    <message>
        <source>Server IP</source>
        <translation>服务器 IP</translation>
    </message>
    <message>
        <source>Server port</source>
        <translation>服务器端口</translation>
    </message>
    <message>
        <source>Upload cycle</source>
        <translation>上报周期</translation>
    </message>
    <message>
        <source>Upload day</source>
        <translation>上报日</translation>
    </message>
    <message>
        <source>No-use days</source>
        <translation>不用气天数</translation>
    </message>
    <message>
        <source>Low balance alarm, level 1</source>
        <translation>余额不足一级报警</translation>
    </message>
    <message>
        <source>Low balance alarm, level 2</source>
        <translation>余额不足二级报警</translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation>透支量</translation>
    </message>
    <message>
        <source>Concentrator / device number</source>
        <translation>集中器 / 设备编号</translation>
    </message>
    <message>
        <source>Company code</source>
        <translation>公司编号</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>用户名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Installation time</source>
        <translation>安装时间</translation>
    </message>
    <message>
        <source>Initial reading (m³)</source>
        <translation>表底数（m³）</translation>
    </message>
    <message>
        <source>Meter operation</source>
        <translation>表具操作</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>每月</translation>
    </message>
</context>
<context>
    <name>md::FirstRunGuide</name>
    <message>
        <source>Welcome to MeterDesk: set up this desk</source>
        <translation>欢迎使用 MeterDesk：请设置本工作台</translation>
    </message>
    <message>
        <source>This desk has no settings yet. Three steps, in this order:</source>
        <translation>本工作台尚无设置。请按以下顺序完成三步：</translation>
    </message>
    <message>
        <source>1. Connect to the Qinchuan platform…</source>
        <translation>1. 连接秦川平台…</translation>
    </message>
    <message>
        <source>Platform address, appId and secret, with a connection test</source>
        <translation>平台地址、appId 和密钥，并测试连接</translation>
    </message>
    <message>
        <source>2. Import the meter registry (CSV)…</source>
        <translation>2. 导入表具档案（CSV）…</translation>
    </message>
    <message>
        <source>Or try the demo</source>
        <translation>或者先试用演示</translation>
    </message>
    <message>
        <source>Opens MeterDesk on a demo world of a few hundred meters; your own data stays untouched</source>
        <translation>用数百块演示表具打开 MeterDesk；您自己的数据不受影响</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Choose another port…</source>
        <translation>选择其他端口…</translation>
    </message>
</context>
<context>
    <name>md::HealthModel</name>
    <message>
        <source>Night flow (leak?)</source>
        <translation>夜间持续用气（疑似泄漏）</translation>
    </message>
    <message>
        <source>Reading went backwards</source>
        <translation>读数倒走</translation>
    </message>
    <message>
        <source>Stuck meter</source>
        <translation>表具停走</translation>
    </message>
    <message>
        <source>Battery running low</source>
        <translation>电池电量将耗尽</translation>
    </message>
    <message>
        <source>Silent meter</source>
        <translation>长期未上报表具</translation>
    </message>
    <message>
        <source>Consumption spike</source>
        <translation>用气量突增</translation>
    </message>
    <message>
        <source>%1 m³</source>
        <translation>%1 m³</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>剩余 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) in a row with gas flowing every hour from %1:00 to %2:00, %3 m³ in all</source>
        <translation>
            <numerusform>连续 %n 晚在 %1:00 至 %2:00 每小时都有用气，共 %3 m³</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 m³ at %2, then %3 m³ at %4 (%n drop(s))</source>
        <translation>
            <numerusform>%2 表底数 %1 m³，%4 变为 %3 m³（倒走 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading %1 m³ unchanged since %2 with the valve open; %3 m³ used in the days before</source>
        <translation>阀门开启，表底数自 %2 起一直为 %1 m³；此前数日用气 %3 m³</translation>
    </message>
    <message>
        <source>%1 V now, falling %2 mV a day; reaches %3 V around %4</source>
        <translation>当前 %1 V，每天下降 %2 mV；约在 %4 降至 %3 V</translation>
    </message>
    <message>
        <source>Never uploaded</source>
        <translation>从未上报</translation>
    </message>
    <message>
        <source>Last heard from at %1</source>
        <translation>最后上报于 %1</translation>
    </message>
    <message>
        <source>%1 m³ on %2 against a median of %3 m³ over %4 days</source>
        <translation>%2 用气 %1 m³，前 %4 天的中位数为 %3 m³</translation>
    </message>
    <message>
        <source>Dismissed by %1: %2</source>
        <translation>已由 %1 忽略：%2</translation>
    </message>
    <message>
        <source>Cleared %1</source>
        <translation>已消除 %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Insight</source>
        <translation>问题类型</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>md::HealthView</name>
    <message>
        <source>Health not available: %1</source>
        <translation>无法读取健康信息：%1</translation>
    </message>
    <message>
        <source>Looking for meters that need a visit...</source>
        <translation>正在查找需要上门处理的表具……</translation>
    </message>
    <message>
        <source>Health recompute failed: %1</source>
        <translation>健康检查失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Health: %n meter(s) checked, %1 new, %2 cleared</source>
        <translation>
            <numerusform>健康检查：已检查 %n 块表具，新增 %1 条，消除 %2 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Why is this not a problem? (kept in the journal)</source>
        <translation>为什么这不是问题？（原因将记入日志）</translation>
    </message>
    <message>
        <source>Could not dismiss: %1</source>
        <translation>无法忽略：%1</translation>
    </message>
    <message>
        <source>All insights</source>
        <translation>全部问题类型</translation>
    </message>
    <message>
        <source>Meter No. (Enter)</source>
        <translation>表具编号（回车）</translation>
    </message>
    <message>
        <source>Include dismissed and cleared</source>
        <translation>包括已忽略和已消除</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>检查中……</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
    <message>
        <source>Read-only: offline review</source>
        <translation>只读：离线查阅</translation>
    </message>
    <message>
        <source>Runs every insight over the stored history (also once a day at 06:00)</source>
        <translation>用已存储的历史数据运行全部检查（每天 06:00 也会自动运行）</translation>
    </message>
    <message>
        <source>Open meter</source>
        <translation>打开表具</translation>
    </message>
    <message>
        <source>&amp;Dismiss...</source>
        <translation>忽略(&amp;D)……</translation>
    </message>
    <message>
        <source>Records your name, the time and your reason in the journal</source>
        <translation>在日志中记录您的姓名、时间和原因</translation>
    </message>
    <message>
        <source>Checked %1</source>
        <translation>检查于 %1</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
</context>
<context>
    <name>md::JournalModel</name>
    <message>
        <source>In</source>
        <translation>收</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>发</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>报文</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>Command No.</source>
        <translation>指令序列号</translation>
    </message>
    <message>
        <source>Return code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对端</translation>
    </message>
</context>
<context>
    <name>md::JournalView</name>
    <message>
        <source>(not available)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <source>%1  %2  %3  HTTP %4  return code %5</source>
        <translation>%1  %2  %3  HTTP %4  返回码 %5</translation>
    </message>
    <message>
        <source>IN from %1</source>
        <translation>收到，来自 %1</translation>
    </message>
    <message>
        <source>OUT to %1</source>
        <translation>发出，至 %1</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>报文头：</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>报文体：</translation>
    </message>
    <message>
        <source>Search the messages (Enter)</source>
        <translation>搜索报文（回车）</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>In and out</source>
        <translation>收和发</translation>
    </message>
    <message>
        <source>Inbound (uploads)</source>
        <translation>收（上报）</translation>
    </message>
    <message>
        <source>Outbound (commands)</source>
        <translation>发（指令）</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>报文日志</translation>
    </message>
</context>
<context>
    <name>md::LadderForm</name>
    <message>
        <source>(choose 1-5)</source>
        <translation>（选择 1-5）</translation>
    </message>
    <message>
        <source>1 = a single price</source>
        <translation>1 = 单一价格</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>Price (yuan/m³)</source>
        <translation>单价（元/m³）</translation>
    </message>
    <message>
        <source>Up to (m³ per cycle)</source>
        <translation>上限（每周期 m³）</translation>
    </message>
    <message>
        <source>Tier %1</source>
        <translation>第 %1 阶梯</translation>
    </message>
    <message>
        <source>no upper limit</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>阶梯数</translation>
    </message>
    <message>
        <source>No billing cycle and no cycle start: the meter keeps its current tiered billing cycle.</source>
        <translation>未填写阶梯计费周期和周期开始日期：表具沿用当前的阶梯计费周期。</translation>
    </message>
    <message>
        <source>No billing cycle: the meter keeps its current tiered billing cycle.</source>
        <translation>未填写阶梯计费周期：表具沿用当前的阶梯计费周期。</translation>
    </message>
    <message>
        <source>No cycle start: the meter keeps the start of its current tiered billing cycle.</source>
        <translation>未填写周期开始日期：表具沿用当前阶梯计费周期的开始日期。</translation>
    </message>
</context>
<context>
    <name>md::LargeRecharge</name>
    <message>
        <source>Unusually large recharge</source>
        <translation>充值量较大</translation>
    </message>
    <message>
        <source>Recharge %1 to meter %2?

This is more than %3, the figure above which this desk asks again. Check the amount with the customer before you go on.</source>
        <translation>为表具 %2 充值 %1？

充值量超过 %3（超过此值时本柜台再次确认）。请先与客户核对充值量再继续。</translation>
    </message>
    <message>
        <source>The amount is right</source>
        <translation>充值量无误</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>md::ListenerErrors</name>
    <message>
        <source>The listener settings are not usable (%1).</source>
        <translation>接收服务的设置不可用（%1）。</translation>
    </message>
    <message>
        <source>Port %1 is already used by another program on this computer.</source>
        <translation>端口 %1 已被本机的其他程序占用。</translation>
    </message>
    <message>
        <source>This computer does not allow MeterDesk to listen on port %1.</source>
        <translation>本机不允许 MeterDesk 在端口 %1 上监听。</translation>
    </message>
    <message>
        <source>The address %1 does not belong to this computer.</source>
        <translation>地址 %1 不属于本机。</translation>
    </message>
    <message>
        <source>The computer has no resources left to open the listener.</source>
        <translation>本机资源不足，无法启动接收服务。</translation>
    </message>
    <message>
        <source>This computer does not support listening on %1.</source>
        <translation>本机不支持在 %1 上监听。</translation>
    </message>
    <message>
        <source>The listener could not start on %1:%2 (system error %3).</source>
        <translation>接收服务无法在 %1:%2 上启动（系统错误 %3）。</translation>
    </message>
    <message>
        <source>http://&lt;this computer&apos;s address&gt;:&lt;port&gt;%1</source>
        <translation>http://&lt;本机地址&gt;:&lt;端口&gt;%1</translation>
    </message>
    <message>
        <source>Choose another port in Settings &gt; Listener (for example 8081), then tell the Qinchuan platform the new address it must send uploads to: %1. Until then uploads from the platform do not arrive.</source>
        <translation>请在“设置 &gt; 接收服务”中选择其他端口（例如 8081），然后把新的上报地址告知秦川平台：%1。在此之前平台的上报数据无法到达。</translation>
    </message>
    <message>
        <source>Ports below 1024 need administrator rights: choose a port from 1024 to 65535 in Settings &gt; Listener and tell the Qinchuan platform the new address: %1.</source>
        <translation>1024 以下的端口需要管理员权限：请在“设置 &gt; 接收服务”中选择 1024 到 65535 之间的端口，并把新地址告知秦川平台：%1。</translation>
    </message>
    <message>
        <source>Set the listener&apos;s host to 0.0.0.0 (every network interface) in Settings &gt; Listener.</source>
        <translation>请在“设置 &gt; 接收服务”中把主机设为 0.0.0.0（所有网卡）。</translation>
    </message>
    <message>
        <source>Check Settings &gt; Listener, then restart MeterDesk.</source>
        <translation>请检查“设置 &gt; 接收服务”，然后重新启动 MeterDesk。</translation>
    </message>
</context>
<context>
    <name>md::MainWindow</name>
    <message>
        <source>Could not acknowledge: %1</source>
        <translation>无法确认：%1</translation>
    </message>
    <message>
        <source>[READ-ONLY offline review]</source>
        <translation>[只读 离线查阅]</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database for review…</source>
        <translation>打开数据库查阅(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import meters from CSV…</source>
        <translation>从 CSV 导入表具(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export current table to CSV…</source>
        <translation>导出当前表格为 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Meter &amp;report (PDF)…</source>
        <translation>表具报告 PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find meter</source>
        <translation>查找表具(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About MeterDesk</source>
        <translation>关于 MeterDesk(&amp;A)</translation>
    </message>
    <message>
        <source>MeterDesk</source>
        <translation>MeterDesk</translation>
    </message>
    <message>
        <source>%1 at meter %2</source>
        <translation>表具 %2：%1</translation>
    </message>
    <message>
        <source>Raised %1. Open MeterDesk and acknowledge it.</source>
        <translation>报警时间 %1。请打开 MeterDesk 确认。</translation>
    </message>
    <message>
        <source>This page has no table to export. Open Meters, Alarms, Commands or Journal.</source>
        <translation>此页面没有可导出的表格。请打开表具、报警、指令或报文日志页。</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已导出 %n 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Select a meter first (Meters page or an open meter window).</source>
        <translation>请先选择表具（在表具页或已打开的表具窗口中）。</translation>
    </message>
    <message>
        <source>Meter report</source>
        <translation>表具报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Import meters</source>
        <translation>导入表具</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open database for review</source>
        <translation>打开数据库查阅</translation>
    </message>
    <message>
        <source>MeterDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>MeterDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>About MeterDesk</source>
        <translation>关于 MeterDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;MeterDesk %1&lt;/h3&gt;&lt;p&gt;Business-platform console for Qinchuan V3.0 IoT gas meters.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;MeterDesk %1&lt;/h3&gt;&lt;p&gt;秦川 V3.0 物联网燃气表业务平台控制台。&lt;/p&gt;&lt;p&gt;依据 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exporting… %n row(s) written</source>
        <translation>
            <numerusform>正在导出… 已写入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>导出已取消，未写入文件。</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>Open &amp;archive…</source>
        <translation>打开归档查阅(&amp;A)…</translation>
    </message>
    <message>
        <source>Review this database together with archive files, read-only, as one timeline</source>
        <translation>将本数据库与归档文件一起只读查阅，合并为一条时间线</translation>
    </message>
    <message>
        <source>Open archives for review</source>
        <translation>打开归档查阅</translation>
    </message>
    <message>
        <source>MeterDesk archives (*.sqlite *.db);;All files (*)</source>
        <translation>MeterDesk 归档 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>md::MeterDetailWindow</name>
    <message>
        <source>Command No.</source>
        <translation>指令序列号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Read-only: offline review, nothing can be sent</source>
        <translation>只读：离线查阅，不能发送任何指令</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [只读]</translation>
    </message>
    <message>
        <source>Meter %1</source>
        <translation>表具 %1</translation>
    </message>
    <message>
        <source>This meter is not registered.</source>
        <translation>该表具未建档。</translation>
    </message>
    <message>
        <source>Could not load the meter: %1</source>
        <translation>无法读取表具：%1</translation>
    </message>
    <message>
        <source>Meter %1 · %2</source>
        <translation>表具 %1 · %2</translation>
    </message>
    <message>
        <source>User No. %1 · %2 · type %3</source>
        <translation>用户编号 %1 · %2 · 型号 %3</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 m³</source>
        <translation>%1 m³</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>reported by the meter</source>
        <translation>表具上报</translation>
    </message>
    <message>
        <source>set by us</source>
        <translation>本平台设置</translation>
    </message>
    <message>
        <source>Valve</source>
        <translation>阀门</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Last upload</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation>当前报警</translation>
    </message>
    <message>
        <source>&amp;Recharge…</source>
        <translation>充值(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Valve…</source>
        <translation>开关阀(&amp;V)…</translation>
    </message>
    <message>
        <source>Supplementary &amp;reading…</source>
        <translation>补抄(&amp;R)…</translation>
    </message>
    <message>
        <source>Cancel recharge…</source>
        <translation>取消充值…</translation>
    </message>
    <message>
        <source>Ladder &amp;price…</source>
        <translation>调价(&amp;P)…</translation>
    </message>
    <message>
        <source>Price and &amp;balance…</source>
        <translation>更新单价和余额(&amp;B)…</translation>
    </message>
    <message>
        <source>Read parameters</source>
        <translation>读取参数</translation>
    </message>
    <message>
        <source>Set parameters…</source>
        <translation>设置参数…</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>确认所选报警(&amp;A)</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Recharges</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Raw messages</source>
        <translation>原始报文</translation>
    </message>
    <message>
        <source>Gas leak: &amp;close the valve…</source>
        <translation>燃气泄露：关阀(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>md::MeterImport</name>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The header has no meterNo (表具编号) column.</source>
        <translation>表头中没有 meterNo（表具编号）列。</translation>
    </message>
    <message>
        <source>meterNo is empty</source>
        <translation>meterNo 为空</translation>
    </message>
    <message>
        <source>meterNo is longer than 32 characters</source>
        <translation>meterNo 超过 32 个字符</translation>
    </message>
    <message>
        <source>meterNo appears twice in the file (first one kept)</source>
        <translation>meterNo 在文件中重复出现（保留第一条）</translation>
    </message>
    <message>
        <source>setUpTime is not yyyy-MM-dd HH:mm:ss</source>
        <translation>setUpTime 不是 yyyy-MM-dd HH:mm:ss 格式</translation>
    </message>
    <message>
        <source>enableMeterReading is not a volume with up to 3 decimals</source>
        <translation>enableMeterReading 不是最多 3 位小数的气量</translation>
    </message>
    <message>
        <source>%1: %2 new, %3 updated, %4 rejected.</source>
        <translation>%1：新增 %2，更新 %3，拒绝 %4。</translation>
    </message>
    <message>
        <source>Cancelled: the rows after the last written chunk were not imported.</source>
        <translation>已取消：最后写入批次之后的行未导入。</translation>
    </message>
    <message>
        <source>The database refused the write: %1</source>
        <translation>数据库拒绝写入：%1</translation>
    </message>
    <message>
        <source>Import meters</source>
        <translation>导入表具</translation>
    </message>
    <message>
        <source>line %1 %2: %3</source>
        <translation>第 %1 行 %2：%3</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Writing %n meter(s)…</source>
        <translation>
            <numerusform>正在写入 %n 块表…</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not text in UTF-8 or GB18030: save it from Excel as CSV (comma separated) or CSV UTF-8.</source>
        <translation>该文件不是 UTF-8 或 GB18030 编码的文本：请在 Excel 中另存为“CSV (逗号分隔)”或“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>billingUnit is not money (金额表) or volume (气量表)</source>
        <translation>billingUnit 须为 money（金额表）或 volume（气量表）</translation>
    </message>
</context>
<context>
    <name>md::MeterReport</name>
    <message>
        <source>Meter report %1</source>
        <translation>表具报告 %1</translation>
    </message>
    <message>
        <source>cannot create the PDF file</source>
        <translation>无法创建 PDF 文件</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>打印时间 %1</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Meter type</source>
        <translation>表具型号</translation>
    </message>
    <message>
        <source>Valve</source>
        <translation>阀门</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Reading (m³)</source>
        <translation>读数（m³）</translation>
    </message>
    <message>
        <source>Last upload</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Active alarms</source>
        <translation>当前报警</translation>
    </message>
    <message>
        <source>This meter is not registered.</source>
        <translation>该表具未建档。</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Alarm timeline</source>
        <translation>报警时间线</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Raised at</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Cleared at</source>
        <translation>解除时间</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>active</source>
        <translation>报警中</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Recharges</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Trade No.</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>到账时间</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the PDF file was not written</source>
        <translation>PDF 文件未写入</translation>
    </message>
    <message>
        <source>Recharge quantity</source>
        <translation>充值量</translation>
    </message>
</context>
<context>
    <name>md::MetersView</name>
    <message>
        <source>Meter search failed: %1</source>
        <translation>表具查询失败：%1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>more than %1 meters</source>
        <translation>超过 %1 块表</translation>
    </message>
    <message>
        <source>%1 meters</source>
        <translation>%1 块表</translation>
    </message>
    <message>
        <source>Search meter No., user No., name or address (Ctrl+F)</source>
        <translation>搜索表具编号、用户编号、用户名称或地址（Ctrl+F）</translation>
    </message>
    <message>
        <source>Valve: any</source>
        <translation>阀门：全部</translation>
    </message>
    <message>
        <source>Valve: open</source>
        <translation>阀门：开</translation>
    </message>
    <message>
        <source>Valve: closed</source>
        <translation>阀门：关</translation>
    </message>
    <message>
        <source>Active alarm</source>
        <translation>有报警</translation>
    </message>
    <message numerus="yes">
        <source>Silent &gt; %n day(s)</source>
        <translation>
            <numerusform>超过 %n 天未上报</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance &lt; %1 yuan</source>
        <translation>余额 &lt; %1 元</translation>
    </message>
    <message>
        <source>Match anywhere</source>
        <translation>任意位置匹配</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>表具</translation>
    </message>
    <message>
        <source>%1+ meters</source>
        <translation>%1+ 块表</translation>
    </message>
    <message>
        <source>Also find the text inside numbers, names and addresses, not only at the start</source>
        <translation>在表号、用户编号、姓名和地址的任意位置查找，而不仅是开头</translation>
    </message>
</context>
<context>
    <name>md::OverviewView</name>
    <message>
        <source>Overview not available: %1</source>
        <translation>无法读取总览：%1</translation>
    </message>
    <message>
        <source>Meters</source>
        <translation>表具</translation>
    </message>
    <message>
        <source>Uploads today</source>
        <translation>今日上报</translation>
    </message>
    <message>
        <source>Silent meters</source>
        <translation>长期未上报表具</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Active alarms by type</source>
        <translation>按类型统计的当前报警</translation>
    </message>
    <message>
        <source>A meter is &amp;silent after this many days without an upload:</source>
        <translation>表具连续多少天无上报视为长期未上报(&amp;S)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Uploads per day (last 14 days)</source>
        <translation>每日上报次数（最近 14 天）</translation>
    </message>
    <message numerus="yes">
        <source>Silent &gt; %n day(s)</source>
        <translation>
            <numerusform>超过 %n 天未上报</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; pending&lt;br&gt;&lt;b&gt;%2&lt;/b&gt; expired&lt;br&gt;&lt;b&gt;%3&lt;/b&gt; failed or rejected</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 条待完成&lt;br&gt;&lt;b&gt;%2&lt;/b&gt; 条已过期&lt;br&gt;&lt;b&gt;%3&lt;/b&gt; 条失败或被拒绝</translation>
    </message>
    <message>
        <source>No active alarms.</source>
        <translation>无当前报警。</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) from unregistered meters</source>
        <translation>
            <numerusform>%n 条未登记表具的上报</numerusform>
        </translation>
    </message>
    <message>
        <source>Quarantine not available: %1</source>
        <translation>无法读取待登记上报：%1</translation>
    </message>
    <message>
        <source>Uploads from unregistered meters</source>
        <translation>未登记表具的上报</translation>
    </message>
    <message numerus="yes">
        <source>%n upload(s) wait for their meter to be registered. Import or register the meters and their readings are added to their history automatically.</source>
        <translation>
            <numerusform>%n 条上报等待其表具登记。导入或登记这些表具后，其读数会自动加入表具历史。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::ParameterForm</name>
    <message>
        <source>%1 (m³)</source>
        <translation>%1（m³）</translation>
    </message>
    <message>
        <source>%1 (yuan)</source>
        <translation>%1（元）</translation>
    </message>
</context>
<context>
    <name>md::ReceiptDocument</name>
    <message>
        <source>Recharge cancellation receipt</source>
        <translation>取消充值凭证</translation>
    </message>
    <message>
        <source>Recharge receipt</source>
        <translation>充值凭证</translation>
    </message>
    <message>
        <source>queued, not yet sent to the platform</source>
        <translation>排队中，尚未发往平台</translation>
    </message>
    <message>
        <source>confirmed by the meter</source>
        <translation>表具已确认</translation>
    </message>
    <message>
        <source>accepted by the platform, waiting for the meter</source>
        <translation>平台已受理，等待表具确认</translation>
    </message>
    <message>
        <source>accepted by the platform</source>
        <translation>平台已受理</translation>
    </message>
    <message>
        <source>refused by the meter</source>
        <translation>表具执行失败</translation>
    </message>
    <message>
        <source>expired without the meter&apos;s answer</source>
        <translation>已过期，表具未应答</translation>
    </message>
    <message>
        <source>rejected by the platform</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <source>platform not reached</source>
        <translation>平台不可达</translation>
    </message>
    <message>
        <source>cancelled before sending</source>
        <translation>发送前已取消</translation>
    </message>
    <message>
        <source>REPRINT (补打) %1</source>
        <translation>补打 %1</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>营业网点</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>用户名称</translation>
    </message>
    <message>
        <source>User no.</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <source>Meter no.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Recharge type</source>
        <translation>充值类型</translation>
    </message>
    <message>
        <source>by volume</source>
        <translation>按气量</translation>
    </message>
    <message>
        <source>by amount</source>
        <translation>按金额</translation>
    </message>
    <message>
        <source>Volume cancelled</source>
        <translation>取消充值量</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>充值量</translation>
    </message>
    <message>
        <source>Amount cancelled</source>
        <translation>取消充值金额</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>充值金额</translation>
    </message>
    <message>
        <source>Amount in words (大写)</source>
        <translation>大写金额</translation>
    </message>
    <message>
        <source>Recharge count</source>
        <translation>充值次数</translation>
    </message>
    <message>
        <source>Cumulative total</source>
        <translation>累计充值金额</translation>
    </message>
    <message>
        <source>Balance before</source>
        <translation>充值前余额</translation>
    </message>
    <message>
        <source>Expected balance after</source>
        <translation>充值后预计余额</translation>
    </message>
    <message>
        <source>Trade no. (交易流水号)</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>Command seq. (指令序列号)</source>
        <translation>指令序列号</translation>
    </message>
    <message>
        <source>State at print time</source>
        <translation>打印时状态</translation>
    </message>
    <message>
        <source>Recharge time</source>
        <translation>充值时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Printed by</source>
        <translation>打印人</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>用户签字</translation>
    </message>
    <message>
        <source>Operator signature</source>
        <translation>操作员签字</translation>
    </message>
    <message>
        <source>Please keep this receipt. The meter credits the recharge when it next connects.</source>
        <translation>请妥善保管本凭证。表具在下次联网时到账。</translation>
    </message>
</context>
<context>
    <name>md::ReceiptPrinter</name>
    <message>
        <source>No database is open.</source>
        <translation>未打开数据库。</translation>
    </message>
    <message>
        <source>The receipt could not be prepared: %1</source>
        <translation>无法生成凭证：%1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>将凭证保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>md::RechargeConfirmDialog</name>
    <message>
        <source>Confirm the cancellation</source>
        <translation>确认取消</translation>
    </message>
    <message>
        <source>Confirm the recharge</source>
        <translation>确认充值</translation>
    </message>
    <message>
        <source>Cancel the recharge of %1</source>
        <translation>取消 %1 的充值</translation>
    </message>
    <message>
        <source>Recharge %1</source>
        <translation>充值 %1</translation>
    </message>
    <message>
        <source>Meter number</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>气量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Sent as</source>
        <translation>发送形式</translation>
    </message>
    <message>
        <source>Recharge count</source>
        <translation>充值次数</translation>
    </message>
    <message>
        <source>Cumulative total after it</source>
        <translation>充值后累计</translation>
    </message>
    <message>
        <source>Trade number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>This is a resend: it keeps trade number %1. The meter credits one trade number only once, so the customer cannot be credited twice.</source>
        <translation>这是重新发送：沿用交易流水号 %1。表具对同一交易流水号只入账一次，不会重复充值。</translation>
    </message>
    <message>
        <source>Cancel the recharge</source>
        <translation>取消该笔充值</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>md::RechargeForm</name>
    <message>
        <source>This recharge</source>
        <translation>本次充值</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Volume (m³)</source>
        <translation>气量（m³）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>balance %1</source>
        <translation>余额 %1</translation>
    </message>
    <message>
        <source>Loading the recharge ledger…</source>
        <translation>正在读取充值台账…</translation>
    </message>
    <message>
        <source>Recharge no. %1</source>
        <translation>第 %1 次充值</translation>
    </message>
    <message>
        <source> · cumulative total after it ¥%1</source>
        <translation> · 充值后累计 ¥%1</translation>
    </message>
    <message numerus="yes">
        <source>Note: %n earlier recharge(s) of this meter are still waiting for the meter&apos;s confirmation.</source>
        <translation>
            <numerusform>注意：该表具之前有 %n 笔充值仍在等待表具确认。</numerusform>
        </translation>
    </message>
    <message>
        <source> · cumulative total after it %1 m³</source>
        <translation> · 充值后累计 %1 m³</translation>
    </message>
</context>
<context>
    <name>md::RechargeLedgerModel</name>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Trade number</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Credited / cancelled</source>
        <translation>到账 / 取消</translation>
    </message>
</context>
<context>
    <name>md::RechargeLedgerPage</name>
    <message>
        <source>Trade No.</source>
        <translation>交易流水号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>到账时间</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Command No.</source>
        <translation>指令序列号</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Re&amp;print receipt…</source>
        <translation>补打凭证(&amp;P)…</translation>
    </message>
    <message>
        <source>Print preview of the selected recharge&apos;s receipt, marked as a reprint (补打)</source>
        <translation>所选充值凭证的打印预览，标注为“补打”</translation>
    </message>
    <message>
        <source>Save receipt as PDF…</source>
        <translation>将凭证保存为 PDF…</translation>
    </message>
    <message>
        <source>Recharge quantity</source>
        <translation>充值量</translation>
    </message>
    <message>
        <source>Recharge type</source>
        <translation>充值类型</translation>
    </message>
    <message>
        <source>%1 m³</source>
        <translation>%1 m³</translation>
    </message>
    <message>
        <source>¥%1</source>
        <translation>¥%1</translation>
    </message>
</context>
<context>
    <name>md::RechargeNextSteps</name>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>打印凭证(&amp;P)…</translation>
    </message>
    <message>
        <source>Print preview of the recharge receipt (Ctrl+P)</source>
        <translation>充值凭证打印预览（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save receipt as P&amp;DF…</source>
        <translation>凭证存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open the valve now</source>
        <translation>立即开阀(&amp;O)</translation>
    </message>
    <message>
        <source>The arrears are paid: send &quot;open valve&quot; to the meter</source>
        <translation>欠费已结清：向表具发送“开阀”</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Open the valve</source>
        <translation>开阀</translation>
    </message>
</context>
<context>
    <name>md::ReconciliationView</name>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>Ledger recharges</source>
        <translation>台账充值笔数</translation>
    </message>
    <message>
        <source>Ledger yuan</source>
        <translation>台账充值金额（元）</translation>
    </message>
    <message>
        <source>Cancellations</source>
        <translation>取消充值笔数</translation>
    </message>
    <message>
        <source>Cancelled yuan</source>
        <translation>取消充值金额（元）</translation>
    </message>
    <message>
        <source>Meter count change</source>
        <translation>表端充值次数变化</translation>
    </message>
    <message>
        <source>Meter yuan change</source>
        <translation>表端累计充值金额变化（元）</translation>
    </message>
    <message>
        <source>Meter m³ change</source>
        <translation>表端累计充值量变化（m³）</translation>
    </message>
    <message>
        <source>Count difference</source>
        <translation>笔数差额</translation>
    </message>
    <message>
        <source>Yuan difference</source>
        <translation>金额差额（元）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Recharges</source>
        <translation>充值笔数</translation>
    </message>
    <message>
        <source>Yuan</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>m³</source>
        <translation>充值量（m³）</translation>
    </message>
    <message>
        <source>Reconciliation not available: %1</source>
        <translation>无法对账：%1</translation>
    </message>
    <message>
        <source>not reported yet</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <source>Meters that disagree</source>
        <translation>对不上的表具</translation>
    </message>
    <message>
        <source>Summary per day</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <source>&amp;Reconcile</source>
        <translation>对账(&amp;R)</translation>
    </message>
    <message>
        <source>The recharge ledger against the totals the meters report (totalRechargeAmt, totalRechargeCount)</source>
        <translation>将充值台账与表具上报的累计值（totalRechargeAmt、totalRechargeCount）核对</translation>
    </message>
    <message numerus="yes">
        <source>%n meter(s) disagree; %1 compared, %2 with ledger activity but no earlier report</source>
        <translation>
            <numerusform>%n 块表具对不上；共核对 %1 块，%2 块有台账记录但此前没有上报</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>对账</translation>
    </message>
</context>
<context>
    <name>md::RegistryModel</name>
    <message>
        <source>Critical alarm active (gas leak or valve leaking): open the meter and act now.</source>
        <translation>存在严重报警（燃气泄露或阀门漏气）：请立即打开表具处理。</translation>
    </message>
    <message>
        <source>Meter No.</source>
        <translation>表具编号</translation>
    </message>
    <message>
        <source>User No.</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>用户名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Last upload</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <source>Reading (m³)</source>
        <translation>读数（m³）</translation>
    </message>
    <message>
        <source>Valve</source>
        <translation>阀门</translation>
    </message>
    <message>
        <source>Balance (yuan)</source>
        <translation>余额（元）</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message numerus="yes">
        <source>%n open health insight(s): see the Health page</source>
        <translation>
            <numerusform>%n 个未处理的健康问题：请查看“健康”页面</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>md::RequestPreview</name>
    <message>
        <source>MD5 of appId + appSecret + timestamp, hidden</source>
        <translation>appId + appSecret + 时间戳的 MD5，已隐藏</translation>
    </message>
    <message>
        <source>The request cannot be built yet: %1</source>
        <translation>暂时无法生成请求：%1</translation>
    </message>
    <message>
        <source>Sensitive values (sent as AES-128-ECB ciphertext, Base64); plain values:</source>
        <translation>敏感字段（以 AES-128-ECB 密文 Base64 发送）；明文值：</translation>
    </message>
    <message>
        <source>Sensitive values (sent in plain text: encryption is off in the settings):</source>
        <translation>敏感字段（以明文发送：设置中已关闭加密）：</translation>
    </message>
    <message>
        <source>sign = MD5 over the sorted fields and the app secret (the secret is not shown).</source>
        <translation>sign = 排序字段加 appSecret 的 MD5（不显示密钥）。</translation>
    </message>
    <message>
        <source>&lt;assigned-on-send&gt;: commandSeq (and tradeNo for a recharge) are allocated and stored before the request leaves.</source>
        <translation>&lt;assigned-on-send&gt;：指令序列号（充值时还有交易流水号）在请求发出前分配并保存。</translation>
    </message>
</context>
<context>
    <name>md::Settings</name>
    <message>
        <source>TLS needs both the certificate and the key file</source>
        <translation>TLS 需要同时设置证书和私钥文件</translation>
    </message>
    <message>
        <source>client certificates need TLS (a certificate and a key)</source>
        <translation>客户端证书需要先启用 TLS（证书和私钥）</translation>
    </message>
    <message>
        <source>an http:// or https:// address, e.g. http://10.0.0.5:9080</source>
        <translation>http:// 或 https:// 地址，例如 http://10.0.0.5:9080</translation>
    </message>
    <message>
        <source>exactly 16 bytes, or empty to use the app secret</source>
        <translation>必须正好 16 字节，或留空使用 appSecret</translation>
    </message>
    <message>
        <source>shorter than 16 bytes, so it cannot serve as the AES key; set an AES key</source>
        <translation>不足 16 字节，不能作为 AES 密钥；请设置 AES 密钥</translation>
    </message>
    <message>
        <source>not a known time zone (e.g. Asia/Shanghai)</source>
        <translation>未知时区（例如 Asia/Shanghai）</translation>
    </message>
    <message>
        <source>an address to listen on, e.g. 0.0.0.0</source>
        <translation>监听地址，例如 0.0.0.0</translation>
    </message>
    <message>
        <source>must start with /</source>
        <translation>必须以 / 开头</translation>
    </message>
</context>
<context>
    <name>md::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Listener</source>
        <translation>接收服务(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Base &amp;URL</source>
        <translation>平台地址(&amp;U)</translation>
    </message>
    <message>
        <source>App &amp;ID</source>
        <translation>应用编号 appId(&amp;I)</translation>
    </message>
    <message>
        <source>App &amp;secret</source>
        <translation>应用密钥 appSecret(&amp;S)</translation>
    </message>
    <message>
        <source>empty: the first 16 bytes of the app secret</source>
        <translation>留空：使用 appSecret 的前 16 个字节</translation>
    </message>
    <message>
        <source>&amp;AES key (16 bytes)</source>
        <translation>AES 密钥（16 字节）(&amp;A)</translation>
    </message>
    <message>
        <source>Upper case</source>
        <translation>大写</translation>
    </message>
    <message>
        <source>Lower case</source>
        <translation>小写</translation>
    </message>
    <message>
        <source>Access token case</source>
        <translation>AccessToken 大小写</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Lenient (sign commands, check signed uploads)</source>
        <translation>宽松（指令签名，校验带签名的上报）</translation>
    </message>
    <message>
        <source>Strict (uploads must be signed)</source>
        <translation>严格（上报必须带签名）</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Encrypt sensitive values (AES-128-ECB)</source>
        <translation>加密敏感字段（AES-128-ECB）</translation>
    </message>
    <message>
        <source>Platform time zone</source>
        <translation>平台时区</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>A sent command without a result after this long becomes expired. NB-IoT meters wake about once a day.</source>
        <translation>已发送的指令超过此时长仍无结果即视为过期。NB-IoT 表具大约每天唤醒一次。</translation>
    </message>
    <message>
        <source>Command lifetime</source>
        <translation>指令有效期</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>&amp;Receive uploads from the platform</source>
        <translation>接收平台上报的数据(&amp;R)</translation>
    </message>
    <message>
        <source>0.0.0.0: every network interface; 127.0.0.1: this computer only</source>
        <translation>0.0.0.0：所有网卡；127.0.0.1：仅本机</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主机(&amp;H)</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <source>Path &amp;prefix</source>
        <translation>路径前缀(&amp;P)</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Largest request body</source>
        <translation>最大请求体</translation>
    </message>
    <message>
        <source>Clock tolerance</source>
        <translation>时钟容差</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>TLS &amp;certificate (PEM)</source>
        <translation>TLS 证书 PEM(&amp;C)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM 文件 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>TLS &amp;key (PEM)</source>
        <translation>TLS 私钥 PEM(&amp;K)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key)</source>
        <translation>PEM 文件 (*.pem *.key)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db)</source>
        <translation>SQLite 数据库 (*.sqlite *.db)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <source>A file path, or postgresql://user@host:port/db (password from MD_PG_PASSWORD). A new database is opened at the next start.</source>
        <translation>文件路径，或 postgresql://user@host:port/db（密码取自 MD_PG_PASSWORD）。新数据库在下次启动时打开。</translation>
    </message>
    <message>
        <source>&amp;Operator name</source>
        <translation>操作员姓名(&amp;O)</translation>
    </message>
    <message>
        <source>The settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <source>This build has no PostgreSQL driver: SQLite files only (a shared server needs the MSVC build).</source>
        <translation>此版本不含 PostgreSQL 驱动：只能使用 SQLite 文件（共享服务器需使用 MSVC 版本）。</translation>
    </message>
    <message>
        <source>Company name (receipts)</source>
        <translation>公司名称（凭证）</translation>
    </message>
    <message>
        <source>e.g. Service hall, counter 2</source>
        <translation>例如：营业厅 2 号窗口</translation>
    </message>
    <message>
        <source>Desk name (receipts)</source>
        <translation>营业网点（凭证）</translation>
    </message>
    <message>
        <source>80 mm receipt roll</source>
        <translation>80 毫米热敏小票</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>凭证纸张</translation>
    </message>
    <message>
        <source>Shown on receipts and in the status bar. Every command, acknowledgement, export and print records it together with the computer account (%1). Empty: the account name alone.</source>
        <translation>显示在凭证和状态栏中。每条指令、确认、导出和打印都会同时记录此名称和计算机账户（%1）。留空：仅记录账户名。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>stored: type a new one to change it</source>
        <translation>已保存：输入新值即可更改</translation>
    </message>
    <message>
        <source>Client C&amp;A (PEM)</source>
        <translation>客户端 CA 证书 PEM(&amp;A)</translation>
    </message>
    <message>
        <source>TLS is on when both files are set. With a client CA, the platform must present a certificate issued by it.</source>
        <translation>两个文件都设置后启用 TLS。设置客户端 CA 后，平台必须出示由该 CA 签发的证书。</translation>
    </message>
    <message>
        <source>Ask again for recharges above (yuan)</source>
        <translation>充值金额超过此值时再次确认（元）</translation>
    </message>
    <message>
        <source>Ask again for recharges above (m³)</source>
        <translation>充值气量超过此值时再次确认（m³）</translation>
    </message>
</context>
<context>
    <name>md::StatusPanel</name>
    <message>
        <source>READ-ONLY: offline review, nothing is received or sent</source>
        <translation>只读：离线查阅，不接收也不发送</translation>
    </message>
    <message>
        <source>Listener: off</source>
        <translation>接收服务：关闭</translation>
    </message>
    <message>
        <source>Listener: starting…</source>
        <translation>接收服务：正在启动…</translation>
    </message>
    <message>
        <source>Listener: NOT listening (%1)</source>
        <translation>接收服务：未监听（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Listener: %1 · %n request(s) today</source>
        <translation>
            <numerusform>接收服务：%1 · 今日 %n 次请求</numerusform>
        </translation>
    </message>
    <message>
        <source>no upload yet</source>
        <translation>尚无上报</translation>
    </message>
    <message>
        <source>last upload %1</source>
        <translation>最近上报 %1</translation>
    </message>
    <message>
        <source>Platform: not contacted yet</source>
        <translation>平台：尚未联系</translation>
    </message>
    <message>
        <source>Platform: reachable</source>
        <translation>平台：可达</translation>
    </message>
    <message>
        <source>Platform: UNREACHABLE</source>
        <translation>平台：不可达</translation>
    </message>
    <message>
        <source>Pending commands: %1</source>
        <translation>待完成指令：%1</translation>
    </message>
    <message>
        <source>Active alarms: %1 (%2 critical)</source>
        <translation>当前报警：%1（严重 %2）</translation>
    </message>
    <message>
        <source>Active alarms: %1</source>
        <translation>当前报警：%1</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>操作员：%1</translation>
    </message>
    <message>
        <source>Recorded on every command, acknowledgement, export and print. The display name is set in Settings; the computer account is always recorded.</source>
        <translation>每条指令、确认、导出和打印都会记录。显示名称在“设置”中设置；计算机账户总会被记录。</translation>
    </message>
    <message>
        <source>Database unreachable or cannot write: nothing new is saved (%1)</source>
        <translation>数据库无法连接或无法写入：新数据未保存（%1）</translation>
    </message>
    <message>
        <source>this desk&apos;s clock is %1 min behind the platform&apos;s (seen in uploads)</source>
        <translation>本机时钟比平台慢 %1 分钟（据上报判断）</translation>
    </message>
    <message>
        <source>this desk&apos;s clock is %1 min ahead of the platform&apos;s (seen in uploads)</source>
        <translation>本机时钟比平台快 %1 分钟（据上报判断）</translation>
    </message>
</context>
<context>
    <name>md::display</name>
    <message>
        <source>communication failure</source>
        <translation>通讯异常</translation>
    </message>
    <message>
        <source>gas leak</source>
        <translation>燃气泄露</translation>
    </message>
    <message>
        <source>battery failure</source>
        <translation>电池故障</translation>
    </message>
    <message>
        <source>forced close</source>
        <translation>强行关阀</translation>
    </message>
    <message>
        <source>arrears</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>%1 (%2, alarm %3)</source>
        <translation>%1（%2，报警 %3）</translation>
    </message>
    <message>
        <source>%1 V</source>
        <translation>%1 V</translation>
    </message>
</context>
<context>
    <name>md::timeline::AlarmTimeline</name>
    <message>
        <source>No alarms in this period</source>
        <translation>此期间无报警</translation>
    </message>
    <message>
        <source>%1 (%2)
Raised: %3</source>
        <translation>%1（%2）
报警时间：%3</translation>
    </message>
    <message>
        <source>
Cancelled by the meter: %1</source>
        <translation>
表端已解除：%1</translation>
    </message>
    <message>
        <source>
Still active</source>
        <translation>
仍在报警</translation>
    </message>
</context>
<context>
    <name>md::timeline::ReadingTimeline</name>
    <message>
        <source>No readings in this period</source>
        <translation>此期间无读数</translation>
    </message>
    <message>
        <source>Cumulative reading (m³)</source>
        <translation>累计读数（m³）</translation>
    </message>
    <message>
        <source>Daily consumption (m³), largest: %1</source>
        <translation>日用气量（m³），最大：%1</translation>
    </message>
    <message>
        <source>%1
Reading: %2 m³</source>
        <translation>%1
读数：%2 m³</translation>
    </message>
    <message>
        <source>
That day: %1 m³</source>
        <translation>
当日用气：%1 m³</translation>
    </message>
</context>
</TS>
