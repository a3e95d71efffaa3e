<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>HomeScreen</name>
    <message>
        <source>Touch a tile to explore a section.</source>
        <translation>Touchez une tuile pour découvrir une rubrique.</translation>
    </message>
</context>
<context>
    <name>ReloadBanner</name>
    <message>
        <source>Content error (%1 in all), the last good version is shown: %2</source>
        <translation>Erreur dans le contenu (%1 au total), la dernière version correcte reste affichée : %2</translation>
    </message>
    <message>
        <source>Content error, the last good version is shown: %2</source>
        <translation>Erreur dans le contenu, la dernière version correcte reste affichée : %2</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Rubrique précédente</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Rubrique suivante</translation>
    </message>
    <message>
        <source>Section text</source>
        <translation>Texte de la rubrique</translation>
    </message>
    <message>
        <source>Part of: %1</source>
        <translation>Fait partie de : %1</translation>
    </message>
    <message>
        <source>This page is not yet available in your language. Shown in: %1.</source>
        <translation>Cette page n&apos;est pas encore disponible dans votre langue. Langue affichée : %1.</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation>Aucune visite enregistrée pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Today: %1 visits · This week: %2 visits</source>
        <translation>Aujourd&apos;hui : %1 visites · Cette semaine : %2 visites</translation>
    </message>
    <message>
        <source>median visit %1</source>
        <translation>visite médiane %1</translation>
    </message>
    <message>
        <source>Visits this week</source>
        <translation>Visites de la semaine</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
</TS>
