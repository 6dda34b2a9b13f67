# Palabras comunes a todos los documentos. Referencia: templates/locales/en-US/common.ftl.

## Títulos de los documentos.
title_brief = Documento de requisitos
title_proposal = Propuesta de piloto
title_agreement = Contrato
title_launch_checklist = Lista de comprobación de lanzamiento
title_security_memo = Informe de aprobación de seguridad
title_health_scorecard = Cuadro de mando del cliente y revisión trimestral
title_case_study = Caso de éxito
title_invoice = Factura
title_credit_note = Factura rectificativa
title_statement = Extracto de cuenta
title_reminder = Recordatorio de pago
title_email_sequence = Secuencia de correos
title_envelope = Sobre
title_certificate = Certificado de finalización
title_change_order = Orden de cambio

## Marca de borrador.
draft_banner = BORRADOR: no aprobado para su uso.
draft_missing = Aprobaciones y datos pendientes:
draft_watermark = BORRADOR
draft_missing_approval = aprobación «{ $gate }» para { $action } (alcance { $scope })
draft_missing_fact = el dato { $field } está pendiente
draft_missing_einvoice = factura electrónica: { $what }

## Elementos de página y palabras breves.
page_of = Página { $page } de { $total }
tax_id = NIF
list_none = Ninguno.
none_recorded = Sin registros.
