# El contrato (templates/agreement.md, agreement.typ). Referencia: templates/locales/en-US/agreement.ftl.

## Encabezado.
agreement_heading = Contrato
agreement_number = N.º de contrato
agreement_date = Fecha
agreement_accepts_proposal = Propuesta aceptada
agreement_accepts_proposal_line = El presente contrato acepta la propuesta { $proposal }.
agreement_label_colon = { $label }:

## Las partes.
agreement_parties = Partes
# Las razones sociales (en negrita), cada una seguida de su dirección («, calle, ciudad» o vacía); la plantilla añade el punto.
agreement_parties_sentence = El presente contrato se celebra entre { $provider } (el proveedor){ $provider_address } y { $client } (el cliente){ $client_address }

## Las cláusulas.
agreement_terms = Cláusulas
agreement_scope = Alcance
agreement_term = Vigencia
agreement_fees = Honorarios y pago
agreement_fees_text = El cliente abona al proveedor unos honorarios fijos. El anticipo es exigible a la firma del presente contrato.
agreement_item = Concepto
agreement_amount = Importe
agreement_fixed_fee = Honorarios fijos
agreement_deposit_due = Anticipo exigible a la firma
agreement_deposit_received = Anticipo recibido
agreement_exclusions = Exclusiones
agreement_not_covered = El presente contrato no incluye:
agreement_precedence = Orden de prelación
agreement_precedence_text = El presente contrato acepta la propuesta { $proposal }. En caso de contradicción, prevalece el presente contrato.
agreement_launch = Puesta en producción
agreement_launch_text = El presente contrato no autoriza por sí solo la puesta en producción; esta requiere la aprobación de seguridad.

## Firmas.
agreement_signatures = Firmas
agreement_signed_for_each = Firmado en nombre de cada parte por su representante autorizado.
agreement_no_signatories = No hay firmantes registrados.
agreement_party = Parte
agreement_for = Por
agreement_signature = Firma
agreement_name = Nombre
agreement_job_title = Cargo
agreement_signed_on = Firmado el
agreement_signature_date = Fecha
