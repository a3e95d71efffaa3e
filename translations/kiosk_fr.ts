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
