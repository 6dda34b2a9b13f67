# Scheda cliente e revisione trimestrale (health-scorecard). Riferimento: templates/locales/en-US/health-scorecard.ftl.

## Letterhead and title block.
health_scorecard_letterhead = Scheda cliente
health_scorecard_number = N.
health_scorecard_ref = Rif.
health_scorecard_date = Data
health_scorecard_period = Periodo

## Who it is for, and what this is.
health_scorecard_prepared_for = Preparato per
health_scorecard_subtitle = Scheda cliente e revisione trimestrale, { $period }
health_scorecard_engagement = Incarico: { $workflow }
health_scorecard_prepared_by = Redatto da { $name }
health_scorecard_intro = Preparato per { $client }: scheda cliente e revisione trimestrale, { $period }.
health_scorecard_prepared_by_sentence = Redatto da { $name }.

## The two answers.
health_scorecard_overall = Stato complessivo
health_scorecard_overall_heading = Stato complessivo: { $health }
health_scorecard_health_green = Verde
health_scorecard_health_amber = Ambra
health_scorecard_health_yellow = Giallo
health_scorecard_health_red = Rosso
health_scorecard_renewal = Decisione sul rinnovo
health_scorecard_md_renewal = Decisione sul rinnovo:

## Metrics.
health_scorecard_metrics = Indicatori
health_scorecard_no_metrics = Nessun indicatore ancora registrato per questo periodo.
health_scorecard_col_metric = Indicatore
health_scorecard_col_value = Valore
health_scorecard_col_target = Obiettivo
health_scorecard_target = Obiettivo: { $target }
