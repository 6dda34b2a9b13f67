# Die Abschlussbescheinigung (templates/certificate.md, certificate.typ). Referenz: templates/locales/en-US/certificate.ftl.

## Der Titel in zwei Zeilen (auf der Bescheinigung in Großbuchstaben).
certificate_heading = Bescheinigung
certificate_subheading = über den Abschluss

## Was bescheinigt wird, Zeile für Zeile: nach der ersten Zeile der Name, nach der dritten
## die Schulung. Die Reihenfolge ergibt den Satz „…, dass NAME von FIRMA die Schulung KURS
## am DATUM erfolgreich abgeschlossen hat“.
certificate_certifies = Hiermit wird bescheinigt, dass
certificate_of_client = von { $client }
certificate_completed = die Schulung
certificate_on_date = am { $date } erfolgreich abgeschlossen hat

## Unterschrift, Siegel und Ausstellung.
certificate_authorised_signatory = Zeichnungsberechtigte Person
certificate_seal_top = Bestätigt
certificate_seal_bottom = Abgeschlossen
certificate_date_of_issue = Ausstellungsdatum
certificate_issued_by = Ausgestellt von { $issuer }
certificate_issued_by_on = Ausgestellt von { $issuer } am { $date }

## Wie Dritte die Bescheinigung prüfen.
certificate_id = Bescheinigungsnummer
certificate_verify = Zur Prüfung schreiben Sie bitte unter Angabe dieser Nummer an { $email }.
certificate_prepared_by = Erstellt von { $name }
certificate_disclaimer = Eine Bescheinigung stellt weder eine Abnahme der Leistungen noch einen öffentlichen Nachweis dar.
certificate_label_colon = { $label }:
