# El certificado de finalización (templates/certificate.md, certificate.typ). Referencia: templates/locales/en-US/certificate.ftl.

## El título, en dos líneas (en mayúsculas en el certificado).
certificate_heading = Certificado
certificate_subheading = de finalización

## Lo que se certifica, línea a línea: el nombre sigue a la primera línea, el curso a la tercera.
certificate_certifies = Se certifica que
certificate_of_client = de { $client }
certificate_completed = ha completado con éxito
certificate_on_date = el { $date }

## Firma, sello y emisión.
certificate_authorised_signatory = Firmante autorizado
certificate_seal_top = Certificado
certificate_seal_bottom = Completado
certificate_date_of_issue = Fecha de emisión
certificate_issued_by = Emitido por { $issuer }
certificate_issued_by_on = Emitido por { $issuer } el { $date }

## Cómo lo comprueba un tercero.
certificate_id = N.º de certificado
certificate_verify = Para verificarlo, escriba a { $email } indicando este número.
certificate_prepared_by = Elaborado por { $name }
certificate_disclaimer = Un certificado no constituye la aceptación de la entrega ni una prueba pública.
certificate_label_colon = { $label }:
