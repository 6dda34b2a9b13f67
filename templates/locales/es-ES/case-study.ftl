# Caso de éxito (case-study). Referencia: templates/locales/en-US/case-study.ftl.

## Letterhead and title block.
case_study_letterhead = Caso de éxito
case_study_number = N.º
case_study_date = Fecha
case_study_client = Cliente

## Headline.
case_study_story = Caso de cliente · { $client }
case_study_headline = Titular

## The story.
case_study_challenge = El reto
case_study_solution = La solución
case_study_results = Los resultados
case_study_at_a_glance = De un vistazo
case_study_project = Proyecto
case_study_delivered_by = Realizado por
case_study_prepared_by = Elaborado por

## The client's quote.
case_study_in_their_words = En palabras del cliente
case_study_quote_pending = Cita del cliente: { $quote }
case_study_quote_approval = Solo se publicará cuando el cliente apruebe su redacción.

## The Markdown's opening line (its parts joined by " · ") and closing sentence.
case_study_md_client = Cliente: { $client }
case_study_md_project = Proyecto: { $workflow }
case_study_md_delivered_by = Realizado por { $provider }
case_study_prepared_by_sentence = Elaborado por { $name }.
