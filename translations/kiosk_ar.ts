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
        <source>Uptime: %1</source>
        <translation>مدة التشغيل: %1</translation>
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
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n صفحة</numerusform>
            <numerusform>صفحة واحدة</numerusform>
            <numerusform>صفحتان</numerusform>
            <numerusform>%n صفحات</numerusform>
            <numerusform>%n صفحة</numerusform>
            <numerusform>%n صفحة</numerusform>
        </translation>
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
        <source>Key figures</source>
        <translation>الأرقام الرئيسية</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>%1: next item</source>
        <translation>%1: العُنْصُرُ التّالي</translation>
    </message>
    <message>
        <source>%1: previous item</source>
        <translation>%1: العُنْصُرُ السّابِقُ</translation>
    </message>
    <message>
        <source>%1: open the item</source>
        <translation>%1: فَتْحُ العُنْصُرِ</translation>
    </message>
    <message>
        <source>%1: back</source>
        <translation>%1: رُجوعٌ</translation>
    </message>
    <message>
        <source>%1: this help</source>
        <translation>%1: هَذِهِ المُساعَدَةُ</translation>
    </message>
    <message>
        <source>%1: speech on or off</source>
        <translation>%1: تَشْغيلُ القراءة الصوتية أَوْ إيقافُها</translation>
    </message>
    <message>
        <source>Keypad.</source>
        <translation>لَوْحَةُ المَفاتيحِ.</translation>
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
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>عدد كبير من الرموز الخاطئة. أعد المحاولة بعد %1.</translation>
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
        <source>The plan&apos;s goals</source>
        <translation>أهداف المخطط</translation>
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
    <message numerus="yes">
        <source>Content error (%n in all), the last good version is shown: %1</source>
        <translation>
            <numerusform>خطأ في المحتوى (%n في المجموع)، تُعرض آخر نسخة سليمة: %1</numerusform>
            <numerusform>خطأ في المحتوى (%n في المجموع)، تُعرض آخر نسخة سليمة: %1</numerusform>
            <numerusform>خطأ في المحتوى (%n في المجموع)، تُعرض آخر نسخة سليمة: %1</numerusform>
            <numerusform>خطأ في المحتوى (%n في المجموع)، تُعرض آخر نسخة سليمة: %1</numerusform>
            <numerusform>خطأ في المحتوى (%n في المجموع)، تُعرض آخر نسخة سليمة: %1</numerusform>
            <numerusform>خطأ في المحتوى (%n في المجموع)، تُعرض آخر نسخة سليمة: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Content error, the last good version is shown: %1</source>
        <translation>خطأ في المحتوى، تُعرض آخر نسخة سليمة: %1</translation>
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
    <name>SpeechBar</name>
    <message>
        <source>Volume %1 of %2</source>
        <translation>مستوى الصوت %1 من %2</translation>
    </message>
    <message>
        <source>Read the page</source>
        <translation>قراءة الصفحة</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>إيقاف مؤقت</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>استئناف</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Softer (%1)</source>
        <translation>خفض الصوت (%1)</translation>
    </message>
    <message>
        <source>Louder (%1)</source>
        <translation>رفع الصوت (%1)</translation>
    </message>
</context>
<context>
    <name>SpeechMode</name>
    <message>
        <source>Speech on. Touch an item once to hear it, twice to open it.</source>
        <translation>القراءة الصوتية مُفَعَّلَةٌ. اِلْمَسْ عنصرًا مرة واحِدَةً لِسَماعِهِ، وَمَرَّتَيْنِ لِفَتْحِهِ.</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>رابِطٌ: %1</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation>لم تُسجَّل أي زيارة بعد.</translation>
    </message>
    <message numerus="yes">
        <source>Today: %n visits</source>
        <translation>
            <numerusform>اليوم: %n زيارة</numerusform>
            <numerusform>اليوم: زيارة واحدة</numerusform>
            <numerusform>اليوم: زيارتان</numerusform>
            <numerusform>اليوم: %n زيارات</numerusform>
            <numerusform>اليوم: %n زيارة</numerusform>
            <numerusform>اليوم: %n زيارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week: %n visits</source>
        <translation>
            <numerusform>هذا الأسبوع: %n زيارة</numerusform>
            <numerusform>هذا الأسبوع: زيارة واحدة</numerusform>
            <numerusform>هذا الأسبوع: زيارتان</numerusform>
            <numerusform>هذا الأسبوع: %n زيارات</numerusform>
            <numerusform>هذا الأسبوع: %n زيارة</numerusform>
            <numerusform>هذا الأسبوع: %n زيارة</numerusform>
        </translation>
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
    <message>
        <source>Speech: on, tap to stop</source>
        <translation>القراءة الصوتية: مُفَعَّلَةٌ، اِلْمَسْ لِإيقافِها</translation>
    </message>
    <message>
        <source>Speech: off, tap to hear the screen</source>
        <translation>القراءة الصوتية: مُتَوَقِّفَةٌ، اِلْمَسْ لِسَماعِ مُحْتَوى الشّاشَةِ</translation>
    </message>
</context>
<context>
    <name>ZonesMap</name>
    <message>
        <source>Where the economic areas are</source>
        <translation>موقع الفضاءات الاقتصادية</translation>
    </message>
    <message>
        <source>Mediterranean Sea</source>
        <translation>البحر الأبيض المتوسط</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>المغرب</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>الجزائر</translation>
    </message>
    <message>
        <source>In %1. Opens the page of this area</source>
        <translation>في %1. يفتح صفحة هذا الفضاء</translation>
    </message>
</context>
</TS>
