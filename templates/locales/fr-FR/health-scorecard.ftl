# Tableau de bord client et revue trimestrielle (health-scorecard). Référence : templates/locales/en-US/health-scorecard.ftl.

## Letterhead and title block.
health_scorecard_letterhead = Tableau de bord
health_scorecard_number = N°
health_scorecard_ref = Réf.
health_scorecard_date = Date
health_scorecard_period = Période

## Who it is for, and what this is.
health_scorecard_prepared_for = Préparé pour
health_scorecard_subtitle = Tableau de bord client et revue trimestrielle, { $period }
health_scorecard_engagement = Mission : { $workflow }
health_scorecard_prepared_by = Préparé par { $name }
health_scorecard_intro = Préparé pour { $client } : tableau de bord client et revue trimestrielle, { $period }.
health_scorecard_prepared_by_sentence = Préparé par { $name }.

## The two answers.
health_scorecard_overall = État de santé global
health_scorecard_overall_heading = État de santé global : { $health }
health_scorecard_health_green = Vert
health_scorecard_health_amber = Orange
health_scorecard_health_yellow = Jaune
health_scorecard_health_red = Rouge
health_scorecard_renewal = Décision de renouvellement
health_scorecard_md_renewal = Décision de renouvellement :

## Metrics.
health_scorecard_metrics = Indicateurs
health_scorecard_no_metrics = Aucun indicateur enregistré pour cette période à ce jour.
health_scorecard_col_metric = Indicateur
health_scorecard_col_value = Valeur
health_scorecard_col_target = Objectif
health_scorecard_target = Objectif : { $target }
