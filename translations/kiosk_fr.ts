<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Content folder</source>
        <translation>Dossier du contenu</translation>
    </message>
    <message>
        <source>Configuration file</source>
        <translation>Fichier de configuration</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Fichier journal</translation>
    </message>
    <message>
        <source>Versions: %1</source>
        <translation>Versions : %1</translation>
    </message>
    <message>
        <source>Uptime: %1</source>
        <translation>En marche depuis : %1</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Recent warnings and errors:</source>
        <translation>Avertissements et erreurs récents :</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Exit the kiosk</source>
        <translation>Quitter la borne</translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation>Recharger le contenu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Touch the screen to start</source>
        <translation>Touchez l’écran pour commencer</translation>
    </message>
</context>
<context>
    <name>Brochure</name>
    <message>
        <source>Summary presentation</source>
        <translation>Présentation résumée</translation>
    </message>
    <message>
        <source>This brochure is a presentation summary of the content shown on the CRI kiosk. It is not the study itself.</source>
        <translation>Cette brochure est une présentation résumée du contenu de la borne du CRI de l’Oriental. Ce n’est pas l’étude elle-même.</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>%1 · Summary presentation · Page %2 of %3</source>
        <translation>%1 · Présentation résumée · Page %2 sur %3</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the document</source>
        <translation>Fermer le document</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Réduire</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>Scan to get this document on your phone</source>
        <translation>Scannez pour retrouver ce document sur votre téléphone</translation>
    </message>
    <message>
        <source>The file of this document is missing.</source>
        <translation>Le fichier de ce document est introuvable.</translation>
    </message>
    <message>
        <source>The file of this document is empty.</source>
        <translation>Le fichier de ce document est vide.</translation>
    </message>
    <message>
        <source>This document is too large to show here.</source>
        <translation>Ce document est trop volumineux pour être affiché ici.</translation>
    </message>
    <message>
        <source>The file of this document is not a PDF.</source>
        <translation>Le fichier de ce document n’est pas un PDF.</translation>
    </message>
    <message>
        <source>The file of this document is damaged.</source>
        <translation>Le fichier de ce document est endommagé.</translation>
    </message>
    <message>
        <source>This document is protected by a password.</source>
        <translation>Ce document est protégé par un mot de passe.</translation>
    </message>
    <message>
        <source>This document cannot be shown right now</source>
        <translation>Ce document ne peut pas être affiché pour le moment</translation>
    </message>
    <message>
        <source>You can keep browsing the kiosk.</source>
        <translation>Vous pouvez continuer à consulter la borne.</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
</context>
<context>
    <name>DownloadsList</name>
    <message>
        <source>Web site of the CRI</source>
        <translation>Site web du CRI de l’Oriental</translation>
    </message>
    <message>
        <source>cannot be shown at the moment</source>
        <translation>ne peut pas être affiché pour le moment</translation>
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
        <translation>%1 ko</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 Mo</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Touch a tile to explore a section.</source>
        <translation>Touchez une tuile pour découvrir une rubrique.</translation>
    </message>
</context>
<context>
    <name>KeyFigures</name>
    <message>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <source>%1: next item</source>
        <translation>%1 : élément suivant</translation>
    </message>
    <message>
        <source>%1: previous item</source>
        <translation>%1 : élément précédent</translation>
    </message>
    <message>
        <source>%1: open the item</source>
        <translation>%1 : ouvrir l’élément</translation>
    </message>
    <message>
        <source>%1: back</source>
        <translation>%1 : retour</translation>
    </message>
    <message>
        <source>%1: this help</source>
        <translation>%1 : cette aide</translation>
    </message>
    <message>
        <source>%1: speech on or off</source>
        <translation>%1 : activer ou couper la voix</translation>
    </message>
    <message>
        <source>Keypad.</source>
        <translation>Clavier.</translation>
    </message>
</context>
<context>
    <name>PinDots</name>
    <message>
        <source>Digits typed: %1</source>
        <translation>Chiffres saisis : %1</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Trop de codes erronés. Réessayez dans %1.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Code erroné.</translation>
    </message>
    <message>
        <source>No admin PIN is set in the configuration.</source>
        <translation>Aucun code d’administration n’est défini dans la configuration.</translation>
    </message>
    <message>
        <source>Enter the admin PIN.</source>
        <translation>Saisissez le code d’administration.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PlanDiagram</name>
    <message>
        <source>The plan&apos;s goals</source>
        <translation>Les objectifs du plan</translation>
    </message>
    <message>
        <source>Diagram of the plan</source>
        <translation>Schéma du plan</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <source>Section %1 of %2</source>
        <translation>Section %1 sur %2</translation>
    </message>
</context>
<context>
    <name>QrOverlay</name>
    <message>
        <source>Web address</source>
        <translation>Adresse web</translation>
    </message>
    <message>
        <source>Scan this code with your phone&apos;s camera to open the address on your phone.</source>
        <translation>Scannez ce code avec l’appareil photo de votre téléphone pour ouvrir l’adresse sur votre téléphone.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>QR code of %1</source>
        <translation>Code QR de %1</translation>
    </message>
</context>
<context>
    <name>ReloadBanner</name>
    <message numerus="yes">
        <source>Content error (%n in all), the last good version is shown: %1</source>
        <translation>
            <numerusform>Erreur dans le contenu (%n au total), la dernière version correcte reste affichée : %1</numerusform>
            <numerusform>Erreur dans le contenu (%n au total), la dernière version correcte reste affichée : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Content error, the last good version is shown: %1</source>
        <translation>Erreur dans le contenu, la dernière version correcte reste affichée : %1</translation>
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
        <source>More below</source>
        <translation>Suite plus bas</translation>
    </message>
    <message>
        <source>Part of: %1</source>
        <translation>Fait partie de : %1</translation>
    </message>
    <message>
        <source>This page is not yet available in your language. Shown in: %1.</source>
        <translation>Cette page n’est pas encore disponible dans votre langue. Langue affichée : %1.</translation>
    </message>
</context>
<context>
    <name>SpeechBar</name>
    <message>
        <source>Volume %1 of %2</source>
        <translation>Volume %1 sur %2</translation>
    </message>
    <message>
        <source>Read the page</source>
        <translation>Lire la page</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Répéter</translation>
    </message>
    <message>
        <source>Softer (%1)</source>
        <translation>Moins fort (%1)</translation>
    </message>
    <message>
        <source>Louder (%1)</source>
        <translation>Plus fort (%1)</translation>
    </message>
</context>
<context>
    <name>SpeechMode</name>
    <message>
        <source>Speech on. Touch an item once to hear it, twice to open it.</source>
        <translation>Voix activée. Touchez un élément une fois pour l’entendre, deux fois pour l’ouvrir.</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Lien : %1</translation>
    </message>
</context>
<context>
    <name>StatsChart</name>
    <message>
        <source>No visits recorded yet.</source>
        <translation>Aucune visite enregistrée pour l’instant.</translation>
    </message>
    <message numerus="yes">
        <source>Today: %n visits</source>
        <translation>
            <numerusform>Aujourd’hui : %n visite</numerusform>
            <numerusform>Aujourd’hui : %n visites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week: %n visits</source>
        <translation>
            <numerusform>Cette semaine : %n visite</numerusform>
            <numerusform>Cette semaine : %n visites</numerusform>
        </translation>
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
    <name>StillTherePrompt</name>
    <message>
        <source>Still there?</source>
        <translation>Vous êtes toujours là ?</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Touch the screen to stay. In %1 s it gets ready for the next visitor.</source>
        <translation>Touchez l’écran pour rester. Dans %1 s, la borne se prépare pour le visiteur suivant.</translation>
    </message>
    <message>
        <source>Touch the screen to keep reading. In %1 s it goes back to the home screen.</source>
        <translation>Touchez l’écran pour continuer votre lecture. Dans %1 s, la borne revient à l’accueil.</translation>
    </message>
    <message>
        <source>%1 seconds left</source>
        <translation>%1 secondes restantes</translation>
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
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Text size: step %1 of %2, tap for the next</source>
        <translation>Taille du texte : niveau %1 sur %2, touchez pour le suivant</translation>
    </message>
    <message>
        <source>High contrast: on</source>
        <translation>Contraste élevé : activé</translation>
    </message>
    <message>
        <source>High contrast: off</source>
        <translation>Contraste élevé : désactivé</translation>
    </message>
    <message>
        <source>Speech: on, tap to stop</source>
        <translation>Voix : activée, touchez pour l’arrêter</translation>
    </message>
    <message>
        <source>Speech: off, tap to hear the screen</source>
        <translation>Voix : coupée, touchez pour entendre l’écran</translation>
    </message>
</context>
<context>
    <name>ZonesMap</name>
    <message>
        <source>Where the economic areas are</source>
        <translation>Situation des espaces économiques</translation>
    </message>
    <message>
        <source>Mediterranean Sea</source>
        <translation>Mer Méditerranée</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>Maroc</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>Algérie</translation>
    </message>
    <message>
        <source>In %1. Opens the page of this area</source>
        <translation>À %1. Ouvre la page de cet espace</translation>
    </message>
</context>
</TS>
