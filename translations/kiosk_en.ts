<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HomeScreen</name>
    <message>
        <source>Touch a tile to explore a section.</source>
        <translation>Touch a tile to explore a section.</translation>
    </message>
</context>
<context>
    <name>ReloadBanner</name>
    <message>
        <source>Content error (%1 in all), the last good version is shown: %2</source>
        <translation>Content error (%1 in all), the last good version is shown: %2</translation>
    </message>
    <message>
        <source>Content error, the last good version is shown: %2</source>
        <translation>Content error, the last good version is shown: %2</translation>
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
        <source>Part of: %1</source>
        <translation>Part of: %1</translation>
    </message>
    <message>
        <source>This page is not yet available in your language. Shown in: %1.</source>
        <translation>This page is not yet available in your language. Shown in: %1.</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation>No visits recorded yet.</translation>
    </message>
    <message>
        <source>Today: %1 visits · This week: %2 visits</source>
        <translation>Today: %1 visits · This week: %2 visits</translation>
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
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
</TS>
