<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Content folder</source>
        <translation>Content folder</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Configuration file</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Log file</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>Versions: %1</translation>
    </message>
    <message>
        <source>Uptime: %1</source>
        <translation>Uptime: %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Recent warnings and errors:</source>
        <translation>Recent warnings and errors:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Exit the kiosk</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>Reload content</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch the screen to start</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>Brochure</name>
    <message>
        <source>Summary presentation</source>
        <translation>Summary presentation</translation>
    </message>
    <message>
        <source>This brochure is a presentation summary of the content shown on the CRI kiosk. It is not the study itself.</source>
        <translation>This brochure is a presentation summary of the content shown on the CRI kiosk. It is not the study itself.</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>%1 · Summary presentation · Page %2 of %3</source>
        <translation>%1 · Summary presentation · Page %2 of %3</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>Close the document</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Scan to get this document on your phone</source>
        <translation>Scan to get this document on your phone</translation>
    </message>
    <message>
        <source>The file of this document is missing.</source>
        <translation>The file of this document is missing.</translation>
    </message>
    <message>
        <source>The file of this document is empty.</source>
        <translation>The file of this document is empty.</translation>
    </message>
    <message>
        <source>This document is too large to show here.</source>
        <translation>This document is too large to show here.</translation>
    </message>
    <message>
        <source>The file of this document is not a PDF.</source>
        <translation>The file of this document is not a PDF.</translation>
    </message>
    <message>
        <source>The file of this document is damaged.</source>
        <translation>The file of this document is damaged.</translation>
    </message>
    <message>
        <source>This document is protected by a password.</source>
        <translation>This document is protected by a password.</translation>
    </message>
    <message>
        <source>This document cannot be shown right now</source>
        <translation>This document cannot be shown right now</translation>
    </message>
    <message>
        <source>You can keep browsing the kiosk.</source>
        <translation>You can keep browsing the kiosk.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>DownloadsList</name>
    <message>
        <source>Web site of the CRI</source>
        <translation>Web site of the CRI</translation>
    </message>
    <message>
        <source>cannot be shown at the moment</source>
        <translation>cannot be shown at the moment</translation>
    </message>
    <message numerus="yes">
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Touch a tile to explore a section.</source>
        <translation>Touch a tile to explore a section.</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>Key figures</source>
        <translation>Key figures</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>%1: next item</source>
        <translation>%1: next item</translation>
    </message>
    <message>
        <source>%1: previous item</source>
        <translation>%1: previous item</translation>
    </message>
    <message>
        <source>%1: open the item</source>
        <translation>%1: open the item</translation>
    </message>
    <message>
        <source>%1: back</source>
        <translation>%1: back</translation>
    </message>
    <message>
        <source>%1: this help</source>
        <translation>%1: this help</translation>
    </message>
    <message>
        <source>%1: speech on or off</source>
        <translation>%1: speech on or off</translation>
    </message>
    <message>
        <source>Keypad.</source>
        <translation>Keypad.</translation>
    </message>
</context>
<context>
    <name>PinDots</name>
    <message>
        <source>Digits typed: %1</source>
        <translation>Digits typed: %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Too many wrong PINs. Try again in %1.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>No admin PIN is set in the configuration.</source>
        <translation>No admin PIN is set in the configuration.</translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation>Enter the admin PIN.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Erase</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PlanDiagram</name>
    <message>
        <source>The plan&apos;s goals</source>
        <translation>The plan’s goals</translation>
    </message>
    <message>
        <source>Diagram of the plan</source>
        <translation>Diagram of the plan</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Section %1 of %2</source>
        <translation>Section %1 of %2</translation>
    </message>
</context>
<context>
    <name>QrOverlay</name>
    <message>
        <source>Web address</source>
        <translation>Web address</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera to open the address on your phone.</source>
        <translation>Scan this code with your phone’s camera to open the address on your phone.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>QR code of %1</translation>
    </message>
</context>
<context>
    <name>ReloadBanner</name>
    <message numerus="yes">
        <source>Content error (%n in all), the last good version is shown: %1</source>
        <translation>
            <numerusform>Content error (%n in all), the last good version is shown: %1</numerusform>
            <numerusform>Content error (%n in all), the last good version is shown: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Content error, the last good version is shown: %1</source>
        <translation>Content error, the last good version is shown: %1</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Previous</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Previous section</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Next section</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>Section text</translation>
    </message>
    <message>
        <source>More below</source>
        <translation>More below</translation>
    </message>
    <message>
        <source>Part of: %1</source>
        <translation>Part of: %1</translation>
    </message>
    <message>
        <source>This page is not yet available in your language. Shown in: %1.</source>
        <translation>This page is not yet available in your language. Shown in: %1.</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <source>Volume %1 of %2</source>
        <translation>Volume %1 of %2</translation>
    </message>
    <message>
        <source>Read the page</source>
        <translation>Read the page</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Softer (%1)</source>
        <translation>Softer (%1)</translation>
    </message>
    <message>
        <source>Louder (%1)</source>
        <translation>Louder (%1)</translation>
    </message>
</context>
<context>
    <name>SpeechMode</name>
    <message>
        <source>Speech on. Touch an item once to hear it, twice to open it.</source>
        <translation>Speech on. Touch an item once to hear it, twice to open it.</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation>No visits recorded yet.</translation>
    </message>
    <message numerus="yes">
        <source>Today: %n visits</source>
        <translation>
            <numerusform>Today: %n visit</numerusform>
            <numerusform>Today: %n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week: %n visits</source>
        <translation>
            <numerusform>This week: %n visit</numerusform>
            <numerusform>This week: %n visits</numerusform>
        </translation>
    </message>
    <message>
        <source>median visit %1</source>
        <translation>median visit %1</translation>
    </message>
    <message>
        <source>Visits this week</source>
        <translation>Visits this week</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Still there?</source>
        <translation>Still there?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Touch the screen to stay. In %1 s it gets ready for the next visitor.</source>
        <translation>Touch the screen to stay. In %1 s it gets ready for the next visitor.</translation>
    </message>
    <message>
        <source>Touch the screen to keep reading. In %1 s it goes back to the home screen.</source>
        <translation>Touch the screen to keep reading. In %1 s it goes back to the home screen.</translation>
    </message>
    <message>
        <source>%1 seconds left</source>
        <translation>%1 seconds left</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Text size: step %1 of %2, tap for the next</source>
        <translation>Text size: step %1 of %2, tap for the next</translation>
    </message>
    <message>
        <source>High contrast: on</source>
        <translation>High contrast: on</translation>
    </message>
    <message>
        <source>High contrast: off</source>
        <translation>High contrast: off</translation>
    </message>
    <message>
        <source>Speech: on, tap to stop</source>
        <translation>Speech: on, tap to stop</translation>
    </message>
    <message>
        <source>Speech: off, tap to hear the screen</source>
        <translation>Speech: off, tap to hear the screen</translation>
    </message>
</context>
<context>
    <name>ZonesMap</name>
    <message>
        <source>Where the economic areas are</source>
        <translation>Where the economic areas are</translation>
    </message>
    <message>
        <source>Mediterranean Sea</source>
        <translation>Mediterranean Sea</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>Morocco</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>Algeria</translation>
    </message>
    <message>
        <source>In %1. Opens the page of this area</source>
        <translation>In %1. Opens the page of this area</translation>
    </message>
</context>
</TS>
