# Kundenstatus und Quartalsbericht (health-scorecard). Referenz: templates/locales/en-US/health-scorecard.ftl.

## Letterhead and title block.
health_scorecard_letterhead = Kundenstatus
health_scorecard_number = Nr.
health_scorecard_ref = Referenz
health_scorecard_date = Datum
health_scorecard_period = Zeitraum

## Who it is for, and what this is.
health_scorecard_prepared_for = Erstellt für
health_scorecard_subtitle = Kundenstatus und Quartalsbericht, { $period }
health_scorecard_engagement = Projekt: { $workflow }
health_scorecard_prepared_by = Erstellt von { $name }
health_scorecard_intro = Erstellt für { $client }: Kundenstatus und Quartalsbericht, { $period }.
health_scorecard_prepared_by_sentence = Erstellt von { $name }.

## The two answers.
health_scorecard_overall = Gesamtstatus
health_scorecard_overall_heading = Gesamtstatus: { $health }
health_scorecard_health_green = Grün
health_scorecard_health_amber = Gelb
health_scorecard_health_yellow = Gelb
health_scorecard_health_red = Rot
health_scorecard_renewal = Verlängerungsentscheidung
health_scorecard_md_renewal = Verlängerungsentscheidung:

## Metrics.
health_scorecard_metrics = Kennzahlen
health_scorecard_no_metrics = Für diesen Zeitraum sind noch keine Kennzahlen erfasst.
health_scorecard_col_metric = Kennzahl
health_scorecard_col_value = Wert
health_scorecard_col_target = Ziel
health_scorecard_target = Ziel: { $target }
