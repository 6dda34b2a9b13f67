# Health scorecard and QBR (health-scorecard). Reference: templates/locales/en-US/health-scorecard.ftl.

## Letterhead and title block.
health_scorecard_letterhead = Scorecard
health_scorecard_number = Scorecard no.
health_scorecard_ref = Ref.
health_scorecard_date = Date
health_scorecard_period = Period

## Who it is for, and what this is.
health_scorecard_prepared_for = Prepared for
health_scorecard_subtitle = Health scorecard and quarterly business review, { $period }
health_scorecard_engagement = Engagement: { $workflow }
health_scorecard_prepared_by = Prepared by { $name }
# The Markdown's opening line, and the sentence after it when someone prepared the scorecard.
health_scorecard_intro = Prepared for { $client }: health scorecard and quarterly business review, { $period }.
health_scorecard_prepared_by_sentence = Prepared by { $name }.

## The two answers.
health_scorecard_overall = Overall health
health_scorecard_overall_heading = Overall health: { $health }
# The health as the scorecard writes it, when the data gives one of these words (any other
# health is printed as written).
health_scorecard_health_green = Green
health_scorecard_health_amber = Amber
health_scorecard_health_yellow = Yellow
health_scorecard_health_red = Red
health_scorecard_renewal = Renewal decision
health_scorecard_md_renewal = Renewal decision:

## Metrics.
health_scorecard_metrics = Metrics
health_scorecard_no_metrics = No metrics recorded for this period yet.
health_scorecard_col_metric = Metric
health_scorecard_col_value = Value
health_scorecard_col_target = Target
health_scorecard_target = Target { $target }
