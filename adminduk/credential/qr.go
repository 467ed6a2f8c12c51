package credential

// MaxKIAVersion is the largest QR version a KIA credential may need:
// CREDENTIAL.md budgets version 15 so that the code prints at 18 mm on a
// card. The payload goes into a QR code in alphanumeric mode at error
// correction level Q; drawing it is the renderers' job.
const MaxKIAVersion = 15
