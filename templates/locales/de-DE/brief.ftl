# Anforderungsprofil (brief). Referenz: templates/locales/en-US/brief.ftl.

## Briefkopf.
brief_letterhead = Anforderungsprofil
brief_number = Nr.
brief_date = Datum

## Für wen, welches Projekt.
brief_prepared_for = Erstellt für
brief_prepared_for_by = Erstellt für { $client } von { $provider }
brief_attention = z. Hd. { $sponsor }
brief_engagement = Projekt
brief_engagement_line = Projekt: { $workflow }
brief_discovery_by = Anforderungsaufnahme durch { $provider }
brief_prepared_by = Erstellt von { $name }

## Offene Angaben (TBD bleibt stehen: So erscheint jeder offene Wert).
brief_open_facts = Offene Angaben sind mit TBD gekennzeichnet: Bitte bestätigen Sie diese, bevor ein Angebot darauf aufbaut.
brief_open_one = Eine Angabe ist noch offen. Sie ist unten mit TBD gekennzeichnet und muss bestätigt werden, bevor ein Angebot darauf aufbaut.
brief_open_many = { $count } Angaben sind noch offen. Sie sind unten mit TBD gekennzeichnet und müssen bestätigt werden, bevor ein Angebot darauf aufbaut.

## Abschnitte.
brief_problem = Problemstellung
brief_goal = Ziel
brief_current_process = Aktueller Prozess
brief_monthly_volume = Monatliches Volumen
brief_monthly_volume_line = Monatliches Volumen: { $volume }
brief_systems = Systeme
brief_success_metrics = Erfolgskennzahlen
brief_constraints = Rahmenbedingungen
brief_out_of_scope = Nicht im Leistungsumfang
brief_stakeholders = Beteiligte
brief_stakeholder_name = Name
brief_stakeholder_role = Rolle

## Schlusssatz.
brief_not_a_proposal = Dies sind die Ergebnisse der Anforderungsaufnahme. Sie stellen kein Angebot dar.
