# Cuadro de mando del cliente y revisión trimestral (health-scorecard). Referencia: templates/locales/en-US/health-scorecard.ftl.

## Letterhead and title block.
health_scorecard_letterhead = Cuadro de mando
health_scorecard_number = N.º
health_scorecard_ref = Ref.
health_scorecard_date = Fecha
health_scorecard_period = Periodo

## Who it is for, and what this is.
health_scorecard_prepared_for = Preparado para
health_scorecard_subtitle = Cuadro de mando del cliente y revisión trimestral, { $period }
health_scorecard_engagement = Proyecto: { $workflow }
health_scorecard_prepared_by = Elaborado por { $name }
health_scorecard_intro = Preparado para { $client }: cuadro de mando del cliente y revisión trimestral, { $period }.
health_scorecard_prepared_by_sentence = Elaborado por { $name }.

## The two answers.
health_scorecard_overall = Estado general
health_scorecard_overall_heading = Estado general: { $health }
health_scorecard_health_green = Verde
health_scorecard_health_amber = Ámbar
health_scorecard_health_yellow = Amarillo
health_scorecard_health_red = Rojo
health_scorecard_renewal = Decisión de renovación
health_scorecard_md_renewal = Decisión de renovación:

## Metrics.
health_scorecard_metrics = Indicadores
health_scorecard_no_metrics = Aún no hay indicadores registrados para este periodo.
health_scorecard_col_metric = Indicador
health_scorecard_col_value = Valor
health_scorecard_col_target = Objetivo
health_scorecard_target = Objetivo: { $target }
