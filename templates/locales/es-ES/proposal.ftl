# La propuesta (templates/proposal.md, proposal.typ). Referencia: templates/locales/en-US/proposal.ftl.

## Encabezado y destinatario.
proposal_heading = Propuesta
proposal_number = N.º de propuesta
proposal_date = Fecha
proposal_currency = Moneda
proposal_prepared_for = Destinatario
proposal_attn = A la atención de { $name }
proposal_proposed = Objeto
proposal_title_by = { $title } de { $provider }
proposal_prepared_by = Elaborado por
proposal_prepared_by_for = Elaborado por { $provider } para { $client }
proposal_label_colon = { $label }:

## Secciones.
proposal_executive_summary = Resumen ejecutivo
proposal_in_scope = Dentro del alcance
proposal_out_of_scope = Fuera del alcance
proposal_deliverables = Entregables
proposal_timeline = Calendario
proposal_no_phases = Todavía no hay fases registradas.

## Calendario.
proposal_phase = Fase
proposal_length = Duración
proposal_weeks = Semanas
proposal_week_count_one = { $count } semana
proposal_week_count = { $count } semanas
proposal_total = Total
proposal_weeks_from_start = Semanas desde el inicio de los trabajos
proposal_weeks_from_start_open = Semanas desde el inicio de los trabajos; una fase sin barra aún no tiene una duración acordada

## Precio y aceptación.
proposal_price_and_terms = Precio y condiciones de pago
proposal_fixed_fee = Honorarios fijos
proposal_payment_terms = Condiciones de pago
proposal_acceptance = Aceptación
proposal_not_a_contract = Esta propuesta no constituye un contrato. Los trabajos solo comienzan una vez firmado un contrato.
