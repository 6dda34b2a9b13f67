# The certificate of completion (templates/certificate.md, certificate.typ).

## The title, in two lines (set in capitals on the certificate).
certificate_heading = Certificate
certificate_subheading = of completion

## What it certifies, line by line: the recipient's name follows the first line, the
## course the third.
certificate_certifies = This certifies that
certificate_of_client = of { $client }
certificate_completed = has successfully completed
certificate_on_date = on { $date }

## Signature, seal and issue.
certificate_authorised_signatory = Authorised signatory
# The seal's two lines (small capitals in a ring: keep them short).
certificate_seal_top = Certified
certificate_seal_bottom = Complete
certificate_date_of_issue = Date of issue
certificate_issued_by = Issued by { $issuer }
certificate_issued_by_on = Issued by { $issuer } on { $date }

## How a third party checks it.
certificate_id = Certificate ID
certificate_verify = To verify, write to { $email } quoting this ID.
certificate_prepared_by = Prepared by { $name }
certificate_disclaimer = A certificate is not delivery acceptance and not public proof.
# A label before its value in the Markdown copy ("Certificate ID: ...").
certificate_label_colon = { $label }:
