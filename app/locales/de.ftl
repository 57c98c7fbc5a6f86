# Deutsch.

## Seitenrahmen
site-owner = Großherzogliche Polizei · Nationales Einsatzzentrum
skip-to-content = Zum Inhalt springen
language-switch-label = Sprache
footer-contact-title = Kontakt
footer-cin = Nationales Einsatzzentrum (CIN) der Großherzoglichen Polizei, Abteilung Alarmis
footer-snpc = Nationaler Dienst für Kriminalprävention (SNPC)
footer-owner = Ein Dienst der Großherzoglichen Polizei. Die Polizei erhebt für diese Verfahren keine Gebühren.
loading = Wird geladen…
step-of = Schritt { $step } von { $total }

## Startseite
home-page-title = Eine Alarmanlage bei der Polizei aufschalten (ALARMIS)
home-title = Eine Alarmanlage über ALARMIS bei der Großherzoglichen Polizei aufschalten
home-lead = Alarme für die Polizei werden über das öffentliche Alarmübertragungsnetz ALARMIS an das Nationale Einsatzzentrum (CIN) übermittelt.
home-two-requests = Für eine Aufschaltung beim CIN stellt ein Kunde zuerst einen Antrag bei POST Luxembourg, dem Betreiber des ALARMIS-Netzes, und danach bei der Großherzoglichen Polizei, auf diesem Portal.
home-alarms-title = Welche Alarme?
home-alarms-passive = Passiver Alarm: wird automatisch von der Anlage über einen oder mehrere Melder ausgelöst (Einbruch).
home-alarms-active = Aktiver Alarm: wird von einer Person, die sich bedroht fühlt, von Hand über einen Druckknopf ausgelöst.
home-alarms-fire = Brandmeldungen bearbeitet die Polizei nicht: Sie fallen, von Ausnahmen abgesehen, in die Zuständigkeit des großherzoglichen Feuerwehr- und Rettungskorps (CGDIS).
home-who-title = Wer ist betroffen?
home-who-body = Jedes Unternehmen, das Kunde des ALARMIS-Systems ist oder werden möchte und sich beim CIN der Großherzoglichen Polizei aufschalten lassen will.
home-prerequisites-title = Voraussetzungen
home-prerequisites-body = Sie benötigen einen beruflichen Bereich (eSpace). Neue Nutzer registrieren sich und legen dann einen beruflichen Bereich an. Wer bereits einen privaten Bereich hat, legt den beruflichen Bereich direkt an, ohne sich erneut zu registrieren.
home-authentication = Die Anmeldung erfolgt mit einem LuxTrust-Produkt oder einem elektronischen Personalausweis (eID).
home-procedures-title = Zwei Verfahren
procedure-a-title = Zertifizierung des beruflichen Bereichs
procedure-a-audience = Für bestehende ALARMIS-Kunden.
procedure-a-body = Nach der Zustimmung der Polizei erhalten Sie einen Zertifizierungscode per Post. Sie geben ihn in Ihrem beruflichen Bereich ein, der dann als zertifiziert angezeigt wird.
procedure-b-title = Erstantrag auf Aufschaltung
procedure-b-audience = Für neue ALARMIS-Kunden.
procedure-b-body = Sie beschreiben den geschützten Standort, die Alarmanlage und ihren Installateur, die Kontaktpersonen und begründen mit Nachweisen, warum Ihre Anlage mit der Polizei verbunden werden soll.
home-answer-title = Die Antwort der Polizei
home-answer-body = Eine Ablehnung wird Ihnen mit Begründung in Ihrem Bereich mitgeteilt. Eine Zustimmung ebenso, mit den nächsten Schritten; bei einem Aufschaltungsantrag enthält sie Ihre ALARMIS-Kundennummer.
home-costs-title = Kosten
home-costs-body = Die Großherzogliche Polizei erhebt keine Gebühren. Die Alarmanlage und der ALARMIS-Dienst von POST haben eigene Kosten: Fragen Sie den Lieferanten und den Vertrieb von POST.
home-obligations-title = Ihre Pflichten nach der Aufschaltung
home-obligations-maintenance = Die Anlage jedes Jahr von einem Fachunternehmen warten lassen; die Polizei kann eine Kopie der Bescheinigung verlangen.
home-obligations-test = Jedes Jahr einen Test der Alarmübertragung durchführen lassen.
home-obligations-changes = Dem CIN jede Änderung der Angaben für den Einsatzplan melden.
home-obligations-false-alerts = Fehlalarme sind gebührenpflichtig und können bei Wiederholung zur Abschaltung führen.

## Prüfung: Welches Verfahren gilt für mich?
check-title = Welches Verfahren gilt für mich?
check-intro = Drei Fragen, ohne Anmeldung. Es wird nichts gespeichert.
check-kinds-legend = Welche Alarme möchten Sie aufschalten?
check-kinds-hint = Wählen Sie alle zutreffenden Antworten.
alarm-kind-intrusion = Einbruchalarm (passiv)
alarm-kind-intrusion-hint = Wird automatisch von Meldern ausgelöst.
alarm-kind-panic = Druckknopf (aktiv)
alarm-kind-panic-hint = Wird von einer Person ausgelöst, die sich bedroht fühlt.
alarm-kind-fire = Brandmeldeanlage
check-client-legend = Sind Sie bereits ALARMIS-Kunde?
check-client-existing = Ja, ich habe bereits eine ALARMIS-Kundennummer
check-client-new = Nein, noch nicht
check-postcode-label = Postleitzahl des zu schützenden Standorts
check-postcode-hint = Eine luxemburgische Postleitzahl, zum Beispiel L-2540.
check-submit = Mein Verfahren anzeigen
result-certification-title = Ihr Verfahren: Zertifizierung des beruflichen Bereichs
result-certification-body = Melden Sie sich mit LuxTrust oder eID an, öffnen Sie Ihren beruflichen Bereich und beantragen Sie die Zertifizierung. Nach der Zustimmung der Polizei erhalten Sie einen Code per Post.
result-connection-title = Ihr Verfahren: Erstantrag auf Aufschaltung
result-connection-body = Stellen Sie zuerst Ihren ALARMIS-Antrag bei POST Luxembourg. Melden Sie sich dann mit LuxTrust oder eID an und füllen Sie den Antrag in Ihrem beruflichen Bereich aus; halten Sie den Gebäudeplan und die Konformitätsbescheinigung des Installateurs bereit.
result-none-title = Dieser Alarm ist keine Sache der Polizei
result-none-body = Das ALARMIS-Netz zur Polizei nimmt nur Einbruchalarme und Druckknöpfe an.
result-site = Geschützter Standort: { $postcode }, Luxemburg.
result-fire = Brandmeldungen fallen in die Zuständigkeit des CGDIS (großherzogliches Feuerwehr- und Rettungskorps): Wenden Sie sich dafür an das CGDIS.

## Fehler
error-summary-title = Es gibt ein Problem
error-prefix = Fehler:
error-title-prefix = Fehler:
error-bad-request = Die Anfrage konnte nicht verstanden werden. Laden Sie die Seite neu und versuchen Sie es erneut.
error-unavailable = Der Dienst ist vorübergehend nicht erreichbar. Ihre Antworten bleiben erhalten; versuchen Sie es in einigen Minuten erneut.
error-alarm-kind-required = Wählen Sie mindestens eine Alarmart
error-client-status-required = Geben Sie an, ob Sie bereits ALARMIS-Kunde sind
error-postcode-required = Geben Sie die Postleitzahl ein
error-postcode-format = Geben Sie eine vierstellige luxemburgische Postleitzahl ein, zum Beispiel L-2540

## Seite nicht gefunden
not-found-title = Seite nicht gefunden
not-found-body = Unter dieser Adresse gibt es keine Seite. Wenn Sie die Adresse kopiert haben, prüfen Sie, ob sie vollständig ist.
not-found-home = Zur Startseite
