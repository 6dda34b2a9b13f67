# Klantscorekaart en kwartaalreview (health-scorecard). Referentie: templates/locales/en-US/health-scorecard.ftl.

## Letterhead and title block.
health_scorecard_letterhead = Scorekaart
health_scorecard_number = Nr.
health_scorecard_ref = Ref.
health_scorecard_date = Datum
health_scorecard_period = Periode

## Who it is for, and what this is.
health_scorecard_prepared_for = Opgesteld voor
health_scorecard_subtitle = Klantscorekaart en kwartaalreview, { $period }
health_scorecard_engagement = Opdracht: { $workflow }
health_scorecard_prepared_by = Opgesteld door { $name }
health_scorecard_intro = Opgesteld voor { $client }: klantscorekaart en kwartaalreview, { $period }.
health_scorecard_prepared_by_sentence = Opgesteld door { $name }.

## The two answers.
health_scorecard_overall = Algemene status
health_scorecard_overall_heading = Algemene status: { $health }
health_scorecard_health_green = Groen
health_scorecard_health_amber = Oranje
health_scorecard_health_yellow = Geel
health_scorecard_health_red = Rood
health_scorecard_renewal = Verlengingsbesluit
health_scorecard_md_renewal = Verlengingsbesluit:

## Metrics.
health_scorecard_metrics = Kengetallen
health_scorecard_no_metrics = Voor deze periode zijn nog geen kengetallen vastgelegd.
health_scorecard_col_metric = Kengetal
health_scorecard_col_value = Waarde
health_scorecard_col_target = Doel
health_scorecard_target = Doel: { $target }
