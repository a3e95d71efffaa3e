<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Content folder</source>
        <translation>مجلد المحتوى</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>ملف الإعدادات</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>ملف السجل</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>الإصدارات: %1</translation>
    </message>
    <message>
        <source>Uptime: {time}</source>
        <translation>مدة التشغيل: {time}</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 س %2 د</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Recent warnings and errors:</source>
        <translation>التحذيرات والأخطاء الأخيرة:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>الخروج من الشاشة التفاعلية</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>إعادة تحميل المحتوى</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch the screen to start</source>
        <translation>المس الشاشة للبدء</translation>
    </message>
</context>
<context>
    <name>Brochure</name>
    <message>
        <source>Summary presentation</source>
        <translation>عرض موجز</translation>
    </message>
    <message>
        <source>This brochure is a presentation summary of the content shown on the CRI kiosk. It is not the study itself.</source>
        <translation>هذا الكتيب عرض موجز لمحتوى الشاشة التفاعلية للمركز الجهوي للاستثمار لجهة الشرق. وهو ليس الدراسة نفسها.</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>المحتويات</translation>
    </message>
    <message>
        <source>%1 · Summary presentation · Page %2 of %3</source>
        <translation>%1 · عرض موجز · الصفحة %2 من %3</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>إغلاق الوثيقة</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <source>Scan to get this document on your phone</source>
        <translation>امسح الرمز للحصول على هذه الوثيقة على هاتفك</translation>
    </message>
    <message>
        <source>The file of this document is missing.</source>
        <translation>ملف هذه الوثيقة غير موجود.</translation>
    </message>
    <message>
        <source>The file of this document is empty.</source>
        <translation>ملف هذه الوثيقة فارغ.</translation>
    </message>
    <message>
        <source>This document is too large to show here.</source>
        <translation>هذه الوثيقة كبيرة جدا لعرضها هنا.</translation>
    </message>
    <message>
        <source>The file of this document is not a PDF.</source>
        <translation>ملف هذه الوثيقة ليس بصيغة PDF.</translation>
    </message>
    <message>
        <source>The file of this document is damaged.</source>
        <translation>ملف هذه الوثيقة تالف.</translation>
    </message>
    <message>
        <source>This document is protected by a password.</source>
        <translation>هذه الوثيقة محمية بكلمة مرور.</translation>
    </message>
    <message>
        <source>This document cannot be shown right now</source>
        <translation>لا يمكن عرض هذه الوثيقة حاليا</translation>
    </message>
    <message>
        <source>You can keep browsing the kiosk.</source>
        <translation>يمكنك مواصلة تصفح الشاشة التفاعلية.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>الصفحة %1 من %2</translation>
    </message>
</context>
<context>
    <name>DownloadsList</name>
    <message>
        <source>Web site of the CRI</source>
        <translation>الموقع الإلكتروني للمركز الجهوي للاستثمار</translation>
    </message>
    <message>
        <source>cannot be shown at the moment</source>
        <translation>لا يمكن عرضها حاليا</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>عدد الصفحات: %1</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 كيلوبايت</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Touch a tile to explore a section.</source>
        <translation>المس إحدى البطاقات لاستكشاف القسم.</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>jobs</source>
        <translation>منصب شغل</translation>
    </message>
    <message>
        <source>the aim of all the plan&apos;s measures</source>
        <translation>هدف مجموع تدابير المخطط</translation>
    </message>
    <message>
        <source>points</source>
        <translation>نقاط</translation>
    </message>
    <message>
        <source>industrial share of GDP, from %1 to %2 in 2020</source>
        <translation>حصة الصناعة في الناتج الداخلي الخام، من %1 إلى %2 سنة 2020</translation>
    </message>
    <message>
        <source>billion dirhams</source>
        <translation>مليار درهم</translation>
    </message>
    <message>
        <source>Industrial Development Fund</source>
        <translation>صندوق التنمية الصناعية</translation>
    </message>
    <message>
        <source>key measures</source>
        <translation>تدابير رئيسية</translation>
    </message>
    <message>
        <source>grouped in %1 blocks</source>
        <translation>موزعة على %1 محاور</translation>
    </message>
    <message>
        <source>strategic prospects</source>
        <translation>مستثمرا استراتيجيا محتملا</translation>
    </message>
    <message>
        <source>for foreign direct investment</source>
        <translation>لجذب الاستثمارات الأجنبية المباشرة</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>الأرقام الرئيسية</translation>
    </message>
</context>
<context>
    <name>PinDots</name>
    <message>
        <source>Digits typed: %1</source>
        <translation>عدد الأرقام المُدخلة: %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Too many wrong PINs. Try again in {time}.</source>
        <translation>عدد كبير من الرموز الخاطئة. أعد المحاولة بعد {time}.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>رمز خاطئ.</translation>
    </message>
    <message>
        <source>No admin PIN is set in the configuration.</source>
        <translation>لم يُحدَّد أي رمز إدارة في الإعدادات.</translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation>أدخل رمز الإدارة.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>الإدارة</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>مسح</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>PlanDiagram</name>
    <message>
        <source>Goals for 2020</source>
        <translation>أهداف سنة 2020</translation>
    </message>
    <message>
        <source>%1 jobs</source>
        <translation>%1 منصب شغل</translation>
    </message>
    <message>
        <source>industrial share of GDP: from %1 to %2 (+%3 points)</source>
        <translation>حصة الصناعة في الناتج الداخلي الخام: من %1 إلى %2 (⁦+%3⁩ نقاط)</translation>
    </message>
    <message>
        <source>Diagram of the plan</source>
        <translation>رسم تخطيطي للمخطط</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Section %1 of %2</source>
        <translation>القسم %1 من %2</translation>
    </message>
</context>
<context>
    <name>QrOverlay</name>
    <message>
        <source>Web address</source>
        <translation>عنوان الموقع الإلكتروني</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera to open the address on your phone.</source>
        <translation>امسح هذا الرمز بكاميرا هاتفك لفتح العنوان على هاتفك.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>رمز QR لـ %1</translation>
    </message>
</context>
<context>
    <name>ReloadBanner</name>
    <message>
        <source>Content error (%1 in all), the last good version is shown: %2</source>
        <translation>خطأ في المحتوى (%1 في المجموع)، تُعرض آخر نسخة سليمة: %2</translation>
    </message>
    <message>
        <source>Content error, the last good version is shown: %2</source>
        <translation>خطأ في المحتوى، تُعرض آخر نسخة سليمة: %2</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>القسم السابق</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>القسم التالي</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>نص القسم</translation>
    </message>
    <message>
        <source>More below</source>
        <translation>المزيد في الأسفل</translation>
    </message>
    <message>
        <source>Part of: %1</source>
        <translation>جزء من: %1</translation>
    </message>
    <message>
        <source>This page is not yet available in your language. Shown in: %1.</source>
        <translation>هذه الصفحة غير متوفرة بعد بلغتك. اللغة المعروضة: %1.</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation>لم تُسجَّل أي زيارة بعد.</translation>
    </message>
    <message>
        <source>Today: %1 visits · This week: %2 visits</source>
        <translation>اليوم: %1 زيارة · هذا الأسبوع: %2 زيارة</translation>
    </message>
    <message>
        <source>median visit %1</source>
        <translation>المدة الوسيطة للزيارة %1</translation>
    </message>
    <message>
        <source>Visits this week</source>
        <translation>زيارات هذا الأسبوع</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Touch the screen to stay. In %1 s it gets ready for the next visitor.</source>
        <translation>المس الشاشة للبقاء. بعد %1 ث تُهيَّأ الشاشة للزائر التالي.</translation>
    </message>
    <message>
        <source>Touch the screen to keep reading. In %1 s it goes back to the home screen.</source>
        <translation>المس الشاشة لمواصلة القراءة. بعد %1 ث تعود الشاشة إلى الصفحة الرئيسية.</translation>
    </message>
    <message>
        <source>%1 seconds left</source>
        <translation>الوقت المتبقي: %1 ث</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>الرئيسية</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Text size: step %1 of %2, tap for the next</source>
        <translation>حجم النص: الدرجة %1 من %2، المس للانتقال إلى الدرجة التالية</translation>
    </message>
    <message>
        <source>High contrast: on</source>
        <translation>التباين العالي: مفعّل</translation>
    </message>
    <message>
        <source>High contrast: off</source>
        <translation>التباين العالي: غير مفعّل</translation>
    </message>
</context>
<context>
    <name>ZonesMap</name>
    <message>
        <source>Schematic location map (positions approximate)</source>
        <translation>خريطة موقع تخطيطية (المواقع تقريبية)</translation>
    </message>
    <message>
        <source>Mediterranean Sea</source>
        <translation>البحر الأبيض المتوسط</translation>
    </message>
    <message>
        <source>Opens the page of this area</source>
        <translation>يفتح صفحة هذا الفضاء</translation>
    </message>
</context>
</TS>
