<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../gui/file_dialog.py" line="21"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../gui/file_dialog.py" line="26"/>
        <source>位置：</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <location filename="../../gui/file_dialog.py" line="27"/>
        <source>文件名：</source>
        <translation>File name:</translation>
    </message>
    <message>
        <location filename="../../gui/file_dialog.py" line="28"/>
        <source>文件类型：</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <location filename="../../gui/file_dialog.py" line="29"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../gui/file_dialog.py" line="30"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../gui/navigation.py" line="88"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="90"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>AdminOverlay</name>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="350"/>
        <source>管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="351"/>
        <source>配置有误，已使用默认值：</source>
        <translation>Configuration problems; defaults are used for:</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="351"/>
        <source>配置正常。</source>
        <translation>Configuration OK.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="353"/>
        <source>退出自助模式</source>
        <translation>Leave kiosk mode</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="354"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>AlipayPage</name>
    <message>
        <location filename="../../gui/pages/alipay.py" line="56"/>
        <source>在支付宝更新身份证</source>
        <translation>Update your ID card in Alipay</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alipay.py" line="73"/>
        <source>示意图：{step}</source>
        <translation>Drawing: {step}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alipay.py" line="74"/>
        <source>手机屏幕的示意图，要点的地方用红框圈出。</source>
        <translation>A drawing of the phone screen; the place to tap is circled in red.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/alipay.py" line="138"/>
        <source>找不到入口时：{search}
{hotline}</source>
        <translation>If you cannot find it: {search}
{hotline}</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../gui/pages/card.py" line="88"/>
        <source>您的身份证</source>
        <translation>Your ID card</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="91"/>
        <source>请看身份证背面（国徽面）的「有效期限」，按上面的日期选择；已经领到新证的，选新证上的日期。</source>
        <translation>Look at 有效期限 (validity) on the side with the national emblem (国徽面) and pick the dates printed there; if you already have your new card, use the new card&apos;s dates.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="96"/>
        <location filename="../../gui/pages/card.py" line="101"/>
        <location filename="../../gui/pages/card.py" line="177"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="97"/>
        <location filename="../../gui/pages/card.py" line="102"/>
        <source>有效期限：起始日期</source>
        <translation>Validity: start date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="98"/>
        <location filename="../../gui/pages/card.py" line="103"/>
        <source>有效期限：截止日期</source>
        <translation>Validity: end date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="105"/>
        <source>不记得证件上的日期（证件丢了，或者坏得看不清）：只选出生日期就可以</source>
        <translation>I don't know the card's dates (it is lost, or too damaged to read): just pick the birth date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="107"/>
        <source>截止处印着「长期」</source>
        <translation>The end date reads 长期 (long-term)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="109"/>
        <location filename="../../gui/pages/card.py" line="113"/>
        <source>身份证号码（可不填）</source>
        <translation>ID number (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="111"/>
        <source>只用来自动填写并核对出生日期；不会保存，也不会打印，输入后只显示前后几位。</source>
        <translation>Only used to fill in and check your birth date; never stored or printed, and shown with the middle hidden once typed.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="114"/>
        <source>18 位号码，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="178"/>
        <source>起始日期</source>
        <translation>start date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="179"/>
        <source>截止日期</source>
        <translation>end date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="184"/>
        <source>还没选{field}的：{parts}</source>
        <translation>Still to choose for the {field}: {parts}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="185"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="192"/>
        <source>身份证号码还没输完（18 位），也可以清空不填。</source>
        <translation>The ID number is not complete (18 characters); you can also clear it and leave it out.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/card.py" line="282"/>
        <source>已识别：{masked}，出生日期 {birth}</source>
        <translation>Recognised: {masked}, born {birth}</translation>
    </message>
</context>
<context>
    <name>CardReaderPanel</name>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="93"/>
        <source>请把身份证放在读卡区</source>
        <translation>Put your ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="96"/>
        <source>本机只取用出生日期和有效期限；姓名、住址、号码和照片不显示、不保存。没带身份证或身份证丢了，请在下面选择日期。</source>
        <translation>The machine uses only the birth date and the validity dates; the name, address, number and photo are neither shown nor kept. No card with you, or lost it? Choose the dates below.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="100"/>
        <source>示意图：把身份证平放在读卡器的读卡区上</source>
        <translation>Drawing: the ID card laid flat on the reader&apos;s reading area</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="140"/>
        <source>读卡区上已有一张身份证：如果是您的，请拿起来再放一次；如果不是，请交给工作人员。</source>
        <translation>There is already an ID card on the reader: if it is yours, lift it and put it back; if not, please hand it to the staff.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="131"/>
        <source>已从身份证读到：出生日期 {birth}，有效期限 {start} 至 {end}。请核对；不对的话，可以在下面改。</source>
        <translation>Read from your ID card: born {birth}, valid from {start} to {end}. Please check; if anything is wrong, change it below.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="143"/>
        <source>读卡器暂时不能用，请在下面选择日期。</source>
        <translation>The card reader is not working just now: please choose the dates below.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="146"/>
        <source>这张证件不是居民身份证，本机读不了。本指引讲的是居民身份证；其他证件请问工作人员。</source>
        <translation>This is not a resident ID card, so it cannot be read here. This guide is about the resident ID card; for other cards, please ask the staff.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/card_reader_panel.py" line="149"/>
        <source>没能读出这张身份证：请拿起来再放一次，或在下面选择日期。</source>
        <translation>The card could not be read: lift it and put it back, or choose the dates below.</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../gui/pages/checklist.py" line="91"/>
        <source>去派出所办理：清单</source>
        <translation>Your checklist for the police station</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="92"/>
        <source>保存清单（PDF）</source>
        <translation>Save checklist (PDF)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="93"/>
        <source>打印清单</source>
        <translation>Print checklist</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="94"/>
        <source>保存日历提醒</source>
        <translation>Save calendar reminder</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="95"/>
        <source>带走这份清单</source>
        <translation>Take this checklist with you</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="158"/>
        <source>这台机器不能打印。请用手机扫下面的二维码，把清单存到手机上。</source>
        <translation>This machine cannot print. Scan the code below with your phone to keep the checklist on it.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="160"/>
        <source>没有手机？请到{site}的窗口，请工作人员帮您。</source>
        <translation> No phone? Ask the staff at the {site} counter for help.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="162"/>
        <source>没有手机？请问工作人员。</source>
        <translation> No phone? Ask the staff for help.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="168"/>
        <source>二维码里是这份清单的全部内容（材料、费用、去哪里办、出行、支付宝）。里面没有姓名、出生日期和身份证号码。</source>
        <translation>The code holds the whole checklist (documents, fee, where to go, travel, Alipay). It holds no name, birth date or ID number.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="172"/>
        <source>一共 {n} 个二维码，请一个一个扫。</source>
        <translation> There are {n} codes: scan them one after the other.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/checklist.py" line="194"/>
        <source>清单二维码 {n}/{total}</source>
        <translation>Checklist code {n} of {total}</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="210"/>
        <source>还在吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="211"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="217"/>
        <location filename="../../gui/kiosk/overlays.py" line="229"/>
        <source>{n} 秒后将清除本次填写的内容，回到首页。</source>
        <translation>In {n} seconds everything entered will be cleared and the guide will start again.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../gui/date_picker.py" line="240"/>
        <location filename="../../gui/date_picker.py" line="394"/>
        <source>年</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="240"/>
        <location filename="../../gui/date_picker.py" line="396"/>
        <source>月</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="240"/>
        <location filename="../../gui/date_picker.py" line="399"/>
        <source>日</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="283"/>
        <source>{n}年代</source>
        <translation>{n}s</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="284"/>
        <source>{field}：{n}年代</source>
        <translation>{field}: the {n}s</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="288"/>
        <source>先选年代</source>
        <translation>first choose the decade</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="295"/>
        <source>{field}：{n}年</source>
        <translation>{field}: year {n}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="297"/>
        <source>再选年份</source>
        <translation>now choose the year</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="303"/>
        <source>{field}：{month}</source>
        <translation>{field}: {month}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="307"/>
        <source>选月份</source>
        <translation>choose the month</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="311"/>
        <source>{field}：{n}日</source>
        <translation>{field}: day {n}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="314"/>
        <source>选日</source>
        <translation>choose the day</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="322"/>
        <source>{field}：{prompt}</source>
        <translation>{field}: {prompt}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="356"/>
        <source>请按 1965-08-23 或 19650823 的样子输入</source>
        <translation>Please type the date like 1965-08-23 or 19650823</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="359"/>
        <source>年份应在 {first} 到 {last} 之间</source>
        <translation>The year should be between {first} and {last}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="381"/>
        <source>或输入 1965-08-23</source>
        <translation>or type 1965-08-23</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="382"/>
        <source>{field}：输入日期</source>
        <translation>{field}: type the date</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="383"/>
        <source>例如 1965-08-23 或 19650823</source>
        <translation>for example 1965-08-23 or 19650823</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="384"/>
        <source>换年代</source>
        <translation>Other decade</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="385"/>
        <source>{field}：换年代</source>
        <translation>{field}: choose another decade</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="394"/>
        <source>{n}年</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="399"/>
        <source>{n}日</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="405"/>
        <source>{field}：{part}</source>
        <translation>{field}: {part}</translation>
    </message>
    <message>
        <location filename="../../gui/date_picker.py" line="407"/>
        <source>{name}，{value}</source>
        <translation>{name}, {value}</translation>
    </message>
</context>
<context>
    <name>ErrorOverlay</name>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="371"/>
        <source>出了点问题，请重新开始</source>
        <translation>Something went wrong. Please start again.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="372"/>
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
</context>
<context>
    <name>GuideWizard</name>
    <message>
        <location filename="../../gui/wizard.py" line="367"/>
        <source>身份证续期指引</source>
        <translation>ID Renewal Guide</translation>
    </message>
</context>
<context>
    <name>ImpactPage</name>
    <message>
        <location filename="../../gui/pages/results.py" line="80"/>
        <source>对支付宝和其他服务的影响</source>
        <translation>What it means for Alipay and other services</translation>
    </message>
</context>
<context>
    <name>KioskWizard</name>
    <message>
        <location filename="../../gui/kiosk/window.py" line="240"/>
        <source>完成 / 下一位</source>
        <translation>Done / next person</translation>
    </message>
</context>
<context>
    <name>PinOverlay</name>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="295"/>
        <location filename="../../gui/kiosk/overlays.py" line="296"/>
        <source>管理员 PIN</source>
        <translation>Administrator PIN</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="297"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="298"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="299"/>
        <source>删除一位</source>
        <translation>Delete one digit</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="311"/>
        <source>试错次数太多，请 {n} 分钟后再试。</source>
        <translation>Too many wrong PINs. Try again in {n} min.</translation>
    </message>
    <message>
        <location filename="../../gui/kiosk/overlays.py" line="313"/>
        <source>PIN 不对。</source>
        <translation>Wrong PIN.</translation>
    </message>
</context>
<context>
    <name>RestartControl</name>
    <message>
        <location filename="../../gui/navigation.py" line="140"/>
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="141"/>
        <source>清除所有回答，从头开始？</source>
        <translation>Clear every answer and start again?</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="142"/>
        <source>是，清除</source>
        <translation>Yes, clear</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="143"/>
        <source>不，继续</source>
        <translation>No, go on</translation>
    </message>
    <message>
        <location filename="../../gui/navigation.py" line="144"/>
        <source>重新开始（清除所有回答）</source>
        <translation>Start again (clears every answer)</translation>
    </message>
</context>
<context>
    <name>SituationPage</name>
    <message>
        <location filename="../../gui/pages/situation.py" line="74"/>
        <source>您的情况</source>
        <translation>Your situation</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="75"/>
        <source>发生了什么？</source>
        <translation>What happened?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="77"/>
        <source>身份证已经过期，或者快到期了</source>
        <translation>My ID card has expired, or soon will</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="78"/>
        <source>已经领到新身份证，但支付宝里还是旧证</source>
        <translation>I already have my new card, but Alipay still shows the old one</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="79"/>
        <source>身份证丢了</source>
        <translation>I lost my ID card</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="80"/>
        <source>身份证损坏了</source>
        <translation>My ID card is damaged</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="81"/>
        <source>改了名字</source>
        <translation>I changed my name</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="85"/>
        <source>您现在在哪里办？</source>
        <translation>Where will you apply?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="86"/>
        <source>在户籍地（户口所在的城市）</source>
        <translation>Where my hukou (户口) is registered</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="87"/>
        <source>在外地（不是户口所在的城市）</source>
        <translation>Elsewhere</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="88"/>
        <source>最近要坐火车或飞机</source>
        <translation>I need to take a train or plane soon</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="89"/>
        <source>享受低保或特困救助（可不选）</source>
        <translation>I get 低保 (minimum living allowance) or hardship aid (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="90"/>
        <source>只用来判断能否免交工本费。</source>
        <translation>Only used to tell whether the fee is waived.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="156"/>
        <source>请先选一项：发生了什么？</source>
        <translation>Please choose one first: what happened?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/situation.py" line="158"/>
        <source>请选一项：您现在在哪里办？</source>
        <translation>Please choose one: where will you apply?</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../../gui/pages/results.py" line="47"/>
        <source>您的证件现在怎样</source>
        <translation>Where your card stands</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <location filename="../../gui/wizard.py" line="90"/>
        <source>欢迎</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="91"/>
        <source>您的证件</source>
        <translation>Your card</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="93"/>
        <source>证件状态</source>
        <translation>Card status</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="92"/>
        <source>您的情况</source>
        <translation>Your situation</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="94"/>
        <source>对支付宝的影响</source>
        <translation>Alipay impact</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="95"/>
        <source>更新支付宝</source>
        <translation>Update Alipay</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="96"/>
        <source>办理清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="97"/>
        <source>您的回答</source>
        <translation>Your answers</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="114"/>
        <source>{n}. {step}（当前步骤）</source>
        <translation>{n}. {step} (current step)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard.py" line="137"/>
        <location filename="../../gui/wizard.py" line="140"/>
        <source>第 {n} 步，共 {total} 步</source>
        <translation>Step {n} of {total}</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../gui/pages/summary.py" line="35"/>
        <source>您的回答</source>
        <translation>Your answers</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="40"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="40"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="42"/>
        <source>过期或快到期</source>
        <translation>Expired or expiring</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="43"/>
        <source>已领到新证</source>
        <translation>New card in hand</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="44"/>
        <source>丢失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="45"/>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="46"/>
        <source>改名</source>
        <translation>Name changed</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="64"/>
        <source>出生日期</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="55"/>
        <source>有效期限：起始日期</source>
        <translation>Validity: start date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="52"/>
        <source>有效期限</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="52"/>
        <source>不记得（证件丢了或看不清）</source>
        <translation>Not known (the card is lost or unreadable)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="58"/>
        <source>有效期限：截止日期</source>
        <translation>Validity: end date</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="68"/>
        <source>身份证号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="69"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="71"/>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="77"/>
        <source>办理地点</source>
        <translation>Where you apply</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="78"/>
        <source>外地</source>
        <translation>Elsewhere</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="78"/>
        <source>户籍地</source>
        <translation>Where your hukou is registered</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="80"/>
        <source>最近要坐火车或飞机</source>
        <translation>I need to take a train or plane soon</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="81"/>
        <source>低保或特困</source>
        <translation>低保 or hardship</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="98"/>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="99"/>
        <source>修改：{answer}</source>
        <translation>Change: {answer}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../gui/pages/welcome.py" line="64"/>
        <source>身份证续期指引</source>
        <translation>ID Renewal Guide</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="67"/>
        <source>身份证过期后，支付宝可能限制花呗、借呗等服务。这里一步一步帮您弄清：证件现在怎样、对支付宝有什么影响、去派出所带什么、拿到新证后怎样在支付宝更新。</source>
        <translation>When your ID card expires, Alipay may restrict 花呗, 借呗 and other services. Step by step, this guide shows where your card stands, what it means for Alipay, what to bring to the police station, and how to update Alipay once you have the new card.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="74"/>
        <source>隐私：您填写的内容只在本次使用中留在这台电脑的内存里，不会保存，也不会发送到任何地方。</source>
        <translation>Privacy: what you enter stays in this computer&apos;s memory for this visit only. It is never saved and never sent anywhere.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="77"/>
        <location filename="../../gui/pages/welcome.py" line="78"/>
        <source>大字模式</source>
        <translation>Large text</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="79"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="80"/>
        <location filename="../../gui/pages/welcome.py" line="81"/>
        <location filename="../../gui/pages/welcome.py" line="94"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/pages/welcome.py" line="88"/>
        <source>身份证续期指引 {version}
规则核对日期：{checked}
内容依据公开资料整理，各地做法以当地受理点为准。
字体：Noto Sans CJK SC 子集（SIL Open Font License 1.1）。</source>
        <translation>ID Renewal Guide {version}
Rules checked on {checked}
Compiled from public sources; local practice may differ: ask the office.
Font: a subset of Noto Sans CJK SC (SIL Open Font License 1.1).</translation>
    </message>
</context>
</TS>
