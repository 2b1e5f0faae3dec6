<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>A2aErrors</name>
    <message>
        <source>the agent knows no task with that id (it may have expired)</source>
        <translation>der Agent kennt keine Aufgabe mit dieser ID (sie ist möglicherweise abgelaufen)</translation>
    </message>
    <message>
        <source>the task can no longer be canceled, usually because it has already ended</source>
        <translation>die Aufgabe kann nicht mehr abgebrochen werden, meist weil sie bereits beendet ist</translation>
    </message>
    <message>
        <source>the agent does not send push notifications</source>
        <translation>der Agent sendet keine Push-Benachrichtigungen</translation>
    </message>
    <message>
        <source>the agent does not support this operation (for example subscribing to a task that has ended)</source>
        <translation>der Agent unterstützt diesen Vorgang nicht (zum Beispiel das Abonnieren einer bereits beendeten Aufgabe)</translation>
    </message>
    <message>
        <source>the agent does not accept a media type of the message&apos;s parts</source>
        <translation>der Agent akzeptiert den Medientyp eines Teils der Nachricht nicht</translation>
    </message>
    <message>
        <source>the agent produced a response it considers invalid itself</source>
        <translation>der Agent hat eine Antwort erzeugt, die er selbst für ungültig hält</translation>
    </message>
    <message>
        <source>the agent has no extended card</source>
        <translation>der Agent hat keine erweiterte Agent Card</translation>
    </message>
    <message>
        <source>the agent requires an extension the request did not declare</source>
        <translation>der Agent verlangt eine Erweiterung, die die Anfrage nicht deklariert hat</translation>
    </message>
    <message>
        <source>the agent does not speak the A2A version the request asked for</source>
        <translation>der Agent beherrscht die A2A-Version nicht, die die Anfrage verlangt hat</translation>
    </message>
    <message>
        <source>the agent could not parse the request</source>
        <translation>der Agent konnte die Anfrage nicht parsen</translation>
    </message>
    <message>
        <source>the agent found the request malformed</source>
        <translation>der Agent hält die Anfrage für fehlerhaft aufgebaut</translation>
    </message>
    <message>
        <source>the agent does not know the method (it may speak another A2A version)</source>
        <translation>der Agent kennt die Methode nicht (möglicherweise beherrscht er eine andere A2A-Version)</translation>
    </message>
    <message>
        <source>the agent rejected the request&apos;s parameters</source>
        <translation>der Agent hat die Parameter der Anfrage abgelehnt</translation>
    </message>
    <message>
        <source>the agent failed internally</source>
        <translation>im Agenten ist ein interner Fehler aufgetreten</translation>
    </message>
    <message>
        <source>The agent answered with error %1</source>
        <translation>Der Agent hat mit Fehler %1 geantwortet</translation>
    </message>
    <message>
        <source>The agent answered with error %1 (%2)</source>
        <translation>Der Agent hat mit Fehler %1 (%2) geantwortet</translation>
    </message>
    <message>
        <source>; it said: %1</source>
        <translation>; er meldete: %1</translation>
    </message>
    <message>
        <source> [reason %1]</source>
        <translation> [Grund %1]</translation>
    </message>
</context>
<context>
    <name>CardDiscovery</name>
    <message>
        <source>The answer from %1 is not JSON (at byte %2: %3).</source>
        <translation>Die Antwort von %1 ist kein JSON (bei Byte %2: %3).</translation>
    </message>
    <message>
        <source>The answer from %1 is nested deeper than %2 levels; it is not read as a card.</source>
        <translation>Die Antwort von %1 ist tiefer als %2 Ebenen verschachtelt; sie wird nicht als Agent Card gelesen.</translation>
    </message>
    <message>
        <source>The answer from %1 is JSON but not an object, so it is not an Agent Card.</source>
        <translation>Die Antwort von %1 ist JSON, aber kein Objekt, und damit keine Agent Card.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>No Agent Card was found for %1: %2</source>
        <translation>Für %1 wurde keine Agent Card gefunden: %2</translation>
    </message>
    <message>
        <source>%1 is not an http or https URL.</source>
        <translation>%1 ist keine http- oder https-URL.</translation>
    </message>
</context>
<context>
    <name>CardSignature</name>
    <message>
        <source>it is not a JSON object</source>
        <translation>er ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>it has no &quot;kty&quot;</source>
        <translation>er hat kein &quot;kty&quot;</translation>
    </message>
    <message>
        <source>its &quot;kid&quot;, &quot;alg&quot; or &quot;use&quot; is not a string</source>
        <translation>sein &quot;kid&quot;, &quot;alg&quot; oder &quot;use&quot; ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>it is for &quot;%1&quot;, not for signatures</source>
        <translation>er ist für &quot;%1&quot; bestimmt, nicht für Signaturen</translation>
    </message>
    <message>
        <source>its key_ops do not include &quot;verify&quot;</source>
        <translation>seine key_ops enthalten kein &quot;verify&quot;</translation>
    </message>
    <message>
        <source>it is a private or secret key; give only the public key</source>
        <translation>er ist ein privater oder geheimer Schlüssel; geben Sie nur den öffentlichen Schlüssel an</translation>
    </message>
    <message>
        <source>its curve &quot;%1&quot; is not supported</source>
        <translation>seine Kurve &quot;%1&quot; wird nicht unterstützt</translation>
    </message>
    <message>
        <source>its &quot;x&quot; and &quot;y&quot; are not %1-byte base64url values</source>
        <translation>sein &quot;x&quot; und sein &quot;y&quot; sind keine base64url-Werte mit je %1 Bytes</translation>
    </message>
    <message>
        <source>OpenSSL could not read it</source>
        <translation>OpenSSL konnte ihn nicht lesen</translation>
    </message>
    <message>
        <source>its point is not on the curve %1</source>
        <translation>sein Punkt liegt nicht auf der Kurve %1</translation>
    </message>
    <message>
        <source>its &quot;n&quot; or &quot;e&quot; is missing or not base64url</source>
        <translation>sein &quot;n&quot; oder &quot;e&quot; fehlt oder ist kein base64url</translation>
    </message>
    <message>
        <source>it is not a valid RSA public key</source>
        <translation>er ist kein gültiger öffentlicher RSA-Schlüssel</translation>
    </message>
    <message>
        <source>its &quot;x&quot; is not a 32-byte base64url value</source>
        <translation>sein &quot;x&quot; ist kein base64url-Wert mit 32 Bytes</translation>
    </message>
    <message>
        <source>it is not a valid Ed25519 public key</source>
        <translation>er ist kein gültiger öffentlicher Ed25519-Schlüssel</translation>
    </message>
    <message>
        <source>its key type &quot;%1&quot; cannot verify signatures here</source>
        <translation>mit seinem Schlüsseltyp &quot;%1&quot; lassen sich hier keine Signaturen verifizieren</translation>
    </message>
    <message>
        <source>it is an %1 key</source>
        <translation>er ist ein Schlüssel vom Typ %1</translation>
    </message>
    <message>
        <source>it is meant for %1 only</source>
        <translation>er ist nur für %1 bestimmt</translation>
    </message>
    <message>
        <source>it has only %1 bits, fewer than the %2 required</source>
        <translation>er hat nur %1 Bit, weniger als die erforderlichen %2</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; from %2</source>
        <translation>dem Schlüssel &quot;%1&quot; aus %2</translation>
    </message>
    <message>
        <source>the key from %1</source>
        <translation>dem Schlüssel aus %1</translation>
    </message>
    <message>
        <source>signatures[%1] (kid &quot;%2&quot;)</source>
        <translation>signatures[%1] (kid &quot;%2&quot;)</translation>
    </message>
    <message>
        <source>signatures[%1]</source>
        <translation>signatures[%1]</translation>
    </message>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The protected header of %1 is missing or not valid base64url.</source>
        <translation>Der geschützte Header von %1 fehlt oder ist kein gültiges base64url.</translation>
    </message>
    <message>
        <source>The protected header of %1 is not valid JSON.</source>
        <translation>Der geschützte Header von %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The protected header of %1 is not a JSON object.</source>
        <translation>Der geschützte Header von %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The kid of %1 is not a string.</source>
        <translation>Der Parameter kid von %1 ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The jku of %1 is not a string.</source>
        <translation>Der Parameter jku von %1 ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The unprotected header of %1 is not a JSON object.</source>
        <translation>Der ungeschützte Header von %1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>%1 repeats header parameters in its protected and unprotected headers: %2.</source>
        <translation>%1 führt Header-Parameter sowohl im geschützten als auch im ungeschützten Header: %2.</translation>
    </message>
    <message>
        <source>%1 marks header parameters as critical (crit), which Crosstalk does not understand.</source>
        <translation>%1 kennzeichnet Header-Parameter als kritisch (crit), die Crosstalk nicht versteht.</translation>
    </message>
    <message>
        <source>%1 uses an unencoded payload (b64), which Crosstalk does not support.</source>
        <translation>%1 verwendet nicht kodierte Nutzdaten (b64), die Crosstalk nicht unterstützt.</translation>
    </message>
    <message>
        <source>%1 names no algorithm (alg) in its protected header.</source>
        <translation>%1 nennt im geschützten Header keinen Algorithmus (alg).</translation>
    </message>
    <message>
        <source>%1 uses the algorithm &quot;none&quot;: it is not a signature.</source>
        <translation>%1 verwendet den Algorithmus &quot;none&quot;: Das ist keine Signatur.</translation>
    </message>
    <message>
        <source>%1 uses the algorithm %2, which Crosstalk does not support (it supports ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512 and EdDSA).</source>
        <translation>%1 verwendet den Algorithmus %2, den Crosstalk nicht unterstützt (unterstützt werden ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512 und EdDSA).</translation>
    </message>
    <message>
        <source>The signature value of %1 is missing or not valid base64url.</source>
        <translation>Der Signaturwert von %1 fehlt oder ist kein gültiges base64url.</translation>
    </message>
    <message>
        <source>The signature value of %1 has %2 bytes, but %3 signatures have %4.</source>
        <translation>Der Signaturwert von %1 hat %2 Bytes, %3-Signaturen haben aber %4.</translation>
    </message>
    <message>
        <source>The card cannot be canonicalised: it holds text that is not UTF-8.</source>
        <translation>Die Agent Card kann nicht kanonisiert werden, weil sie Text enthält, der kein UTF-8 ist.</translation>
    </message>
    <message>
        <source>%1 uses %2, but %3 cannot have made it: %4.</source>
        <translation>%1 verwendet %2, kann aber nicht mit %3 erstellt worden sein: %4.</translation>
    </message>
    <message>
        <source>%1 names a key that is not among the keys given.</source>
        <translation>%1 nennt einen Schlüssel, der nicht unter den angegebenen Schlüsseln ist.</translation>
    </message>
    <message>
        <source>%1 names a key that the key set at %2 does not hold.</source>
        <translation>%1 nennt einen Schlüssel, den der Schlüsselsatz unter %2 nicht enthält.</translation>
    </message>
    <message>
        <source>%1 names no kid, and none of the keys given fits %2.</source>
        <translation>%1 hat keinen Parameter kid, und keiner der angegebenen Schlüssel passt zu %2.</translation>
    </message>
    <message>
        <source>%1 names no kid, and no key in the key set at %2 fits %3.</source>
        <translation>%1 hat keinen Parameter kid, und kein Schlüssel im Schlüsselsatz unter %2 passt zu %3.</translation>
    </message>
    <message>
        <source>%1 verifies with %2.</source>
        <translation>%1 lässt sich mit %2 verifizieren.</translation>
    </message>
    <message>
        <source>%1 verifies with %2, over the payload the specification&apos;s text describes (not the one the A2A SDKs sign).</source>
        <translation>%1 lässt sich mit %2 verifizieren, und zwar über die Nutzdaten, die der Text der Spezifikation beschreibt (nicht über die, die die A2A-SDKs signieren).</translation>
    </message>
    <message>
        <source>%1 does not verify with %2: the card was changed after it was signed, or that key did not sign it.</source>
        <translation>%1 lässt sich nicht mit %2 verifizieren: Die Agent Card wurde nach dem Signieren geändert, oder sie wurde nicht mit diesem Schlüssel signiert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 does not verify with any of the %n keys that fit it: the card was changed after it was signed, or none of them signed it.</source>
        <translation>
            <numerusform>%1 lässt sich mit dem %n passenden Schlüssel nicht verifizieren: Die Agent Card wurde nach dem Signieren geändert, oder sie wurde nicht mit diesem Schlüssel signiert.</numerusform>
            <numerusform>%1 lässt sich mit keinem der %n passenden Schlüssel verifizieren: Die Agent Card wurde nach dem Signieren geändert, oder keiner von ihnen hat sie signiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The card is not signed.</source>
        <translation>Die Agent Card ist nicht signiert.</translation>
    </message>
    <message>
        <source>The card&apos;s signatures field is not a list.</source>
        <translation>Das Feld signatures der Agent Card ist keine Liste.</translation>
    </message>
    <message numerus="yes">
        <source>The card cannot be canonicalised: it is nested more than %n levels deep.</source>
        <translation>
            <numerusform>Die Agent Card kann nicht kanonisiert werden, weil sie tiefer als %n Ebene verschachtelt ist.</numerusform>
            <numerusform>Die Agent Card kann nicht kanonisiert werden, weil sie tiefer als %n Ebenen verschachtelt ist.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n signatures are invalid.)</source>
        <translation>
            <numerusform>(%n Signatur ist ungültig.)</numerusform>
            <numerusform>(%n Signaturen sind ungültig.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The signature does not cover %n field(s) outside the A2A v1.0 schema: %1.</source>
        <translation>
            <numerusform>Die Signatur deckt %n Feld außerhalb des Schemas von A2A v1.0 nicht ab: %1.</numerusform>
            <numerusform>Die Signatur deckt %n Felder außerhalb des Schemas von A2A v1.0 nicht ab: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The card&apos;s signatures cannot be checked.</source>
        <translation>Die Signaturen der Agent Card können nicht geprüft werden.</translation>
    </message>
    <message>
        <source>No key was given to check %1.</source>
        <translation>Zum Prüfen von %1 wurde kein Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>%1 names no key set (jku), and no key was given to check it.</source>
        <translation>%1 nennt keinen Schlüsselsatz (jku), und zum Prüfen wurde kein Schlüssel angegeben.</translation>
    </message>
    <message>
        <source>The key set %1 that %2 names was not fetched.</source>
        <translation>Der Schlüsselsatz %1, den %2 nennt, wurde nicht abgerufen.</translation>
    </message>
    <message>
        <source>%1 names the key set %2, which Crosstalk does not fetch: %3</source>
        <translation>%1 nennt den Schlüsselsatz %2, den Crosstalk nicht abruft: %3</translation>
    </message>
    <message>
        <source>The key set %1 that %2 names could not be used: %3</source>
        <translation>Der Schlüsselsatz %1, den %2 nennt, konnte nicht verwendet werden: %3</translation>
    </message>
</context>
<context>
    <name>CardValidator</name>
    <message numerus="yes">
        <source>%n more issue(s) were found but not listed.</source>
        <translation>
            <numerusform>%n weiteres Problem wurde gefunden, aber nicht aufgeführt.</numerusform>
            <numerusform>%n weitere Probleme wurden gefunden, aber nicht aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The card</source>
        <translation>Die Agent Card</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>&quot;%1&quot;</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>Item %1 of &quot;%2&quot;</source>
        <translation>Element %1 von &quot;%2&quot;</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>a value of another kind</source>
        <translation>ein Wert anderer Art</translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation>ein Array von Zeichenketten</translation>
    </message>
    <message>
        <source>an array of objects</source>
        <translation>ein Array von Objekten</translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;, which is required.</source>
        <translation>%1 hat kein Feld &quot;%2&quot;, es ist aber erforderlich.</translation>
    </message>
    <message>
        <source>%1 should be %2, not %3.</source>
        <translation>%1 sollte %2 sein, nicht %3.</translation>
    </message>
    <message>
        <source>%1 has no &quot;%2&quot;: A2A 0.2 cards could leave it out, 0.3 and later require it.</source>
        <translation>%1 hat kein Feld &quot;%2&quot;: In Agent Cards nach A2A 0.2 durfte es fehlen, ab 0.3 ist es erforderlich.</translation>
    </message>
    <message>
        <source>%1 should hold exactly one of authorizationCode, clientCredentials, deviceCode, implicit or password, but holds %2.</source>
        <translation>%1 sollte genau eines von authorizationCode, clientCredentials, deviceCode, implicit oder password enthalten, enthält aber %2.</translation>
    </message>
    <message>
        <source>%1 is written the v0.3 way (with &quot;type&quot;); a v1.0 scheme holds exactly one of apiKeySecurityScheme, httpAuthSecurityScheme, oauth2SecurityScheme, openIdConnectSecurityScheme or mtlsSecurityScheme.</source>
        <translation>%1 ist nach Art von v0.3 geschrieben (mit &quot;type&quot;); ein Sicherheitsschema nach v1.0 enthält genau eines von apiKeySecurityScheme, httpAuthSecurityScheme, oauth2SecurityScheme, openIdConnectSecurityScheme oder mtlsSecurityScheme.</translation>
    </message>
    <message>
        <source>%1 should hold exactly one of apiKeySecurityScheme, httpAuthSecurityScheme, oauth2SecurityScheme, openIdConnectSecurityScheme or mtlsSecurityScheme, but holds %2.</source>
        <translation>%1 sollte genau eines von apiKeySecurityScheme, httpAuthSecurityScheme, oauth2SecurityScheme, openIdConnectSecurityScheme oder mtlsSecurityScheme enthalten, enthält aber %2.</translation>
    </message>
    <message>
        <source>%1 should be &quot;query&quot;, &quot;header&quot; or &quot;cookie&quot;, not &quot;%2&quot;.</source>
        <translation>%1 sollte &quot;query&quot;, &quot;header&quot; oder &quot;cookie&quot; sein, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 is empty, so the card names no endpoint.</source>
        <translation>%1 ist leer, daher nennt die Agent Card keinen Endpunkt.</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, which is none of the bindings Crosstalk speaks (JSONRPC, HTTP+JSON, GRPC).</source>
        <translation>%1 ist &quot;%2&quot; und damit keine der Protokollbindungen, die Crosstalk beherrscht (JSONRPC, HTTP+JSON, GRPC).</translation>
    </message>
    <message>
        <source>%1 should be one of &quot;apiKey&quot;, &quot;http&quot;, &quot;oauth2&quot;, &quot;openIdConnect&quot; or &quot;mutualTLS&quot;, not &quot;%2&quot;.</source>
        <translation>%1 sollte &quot;apiKey&quot;, &quot;http&quot;, &quot;oauth2&quot;, &quot;openIdConnect&quot; oder &quot;mutualTLS&quot; sein, nicht &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 has a value that none of the alternatives the schema allows here accepts.</source>
        <translation>%1 hat einen Wert, den keine der Alternativen akzeptiert, die das Schema hier erlaubt.</translation>
    </message>
    <message>
        <source>%1 should be one of %2.</source>
        <translation>%1 sollte einer der Werte %2 sein.</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>%1 is %2, which the schema does not allow here.</source>
        <translation>%1 ist %2, was das Schema hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>%1 is not one of the values the schema allows.</source>
        <translation>%1 ist keiner der Werte, die das Schema erlaubt.</translation>
    </message>
    <message>
        <source>%1 should be &quot;%2&quot;.</source>
        <translation>%1 sollte &quot;%2&quot; sein.</translation>
    </message>
    <message>
        <source>%1 does not have the one value the schema allows.</source>
        <translation>%1 hat nicht den einzigen Wert, den das Schema erlaubt.</translation>
    </message>
    <message>
        <source>%1 does not match the schema (%2).</source>
        <translation>%1 entspricht nicht dem Schema (%2).</translation>
    </message>
    <message>
        <source>The card could not be checked against the official A2A v0.3 schema.</source>
        <translation>Die Agent Card konnte nicht anhand des offiziellen Schemas von A2A v0.3 geprüft werden.</translation>
    </message>
    <message>
        <source>The card does not match the official A2A v0.3 schema.</source>
        <translation>Die Agent Card entspricht nicht dem offiziellen Schema von A2A v0.3.</translation>
    </message>
    <message>
        <source>%1 is neither an absolute http or https URL nor a gRPC host:port.</source>
        <translation>%1 ist weder eine absolute http- oder https-URL noch eine gRPC-Adresse host:port.</translation>
    </message>
    <message>
        <source>%1 is not an absolute http or https URL.</source>
        <translation>%1 ist keine absolute http- oder https-URL.</translation>
    </message>
    <message>
        <source>%1 uses plain http to %2, so messages and credentials would travel unencrypted.</source>
        <translation>%1 verwendet einfaches http zu %2, daher würden Nachrichten und Zugangsdaten unverschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>%1 is &quot;%2&quot;, which is none of the transports Crosstalk speaks (JSONRPC, HTTP+JSON, GRPC).</source>
        <translation>%1 ist &quot;%2&quot; und damit keiner der Transporte, die Crosstalk beherrscht (JSONRPC, HTTP+JSON, GRPC).</translation>
    </message>
    <message>
        <source>The security requirement names the scheme &quot;%1&quot;, which securitySchemes does not declare.</source>
        <translation>Die Sicherheitsanforderung nennt das Schema &quot;%1&quot;, das in securitySchemes nicht deklariert ist.</translation>
    </message>
    <message>
        <source>The card declares no security scheme: either anyone may call the agent, or callers cannot learn how to authenticate.</source>
        <translation>Die Agent Card deklariert kein Sicherheitsschema: Entweder darf jeder den Agenten aufrufen, oder Aufrufer können nicht erfahren, wie sie sich authentifizieren.</translation>
    </message>
    <message>
        <source>The skill id &quot;%1&quot; is already used by the skill at %2.</source>
        <translation>Die Skill-ID &quot;%1&quot; wird bereits vom Skill unter %2 verwendet.</translation>
    </message>
    <message>
        <source>%1 is neither an https: nor a data: URL, so the icon will not be loaded.</source>
        <translation>%1 ist weder eine https:- noch eine data:-URL, daher wird das Symbol nicht geladen.</translation>
    </message>
    <message>
        <source>%1 is neither an https: nor a data: URL, so it is not safe to fetch or open.</source>
        <translation>%1 ist weder eine https:- noch eine data:-URL, daher ist es nicht sicher, sie abzurufen oder zu öffnen.</translation>
    </message>
    <message>
        <source>The member name &quot;%1&quot; contains invisible characters that can disguise text (%2).</source>
        <translation>Der Feldname &quot;%1&quot; enthält unsichtbare Zeichen, die Text verschleiern können (%2).</translation>
    </message>
    <message>
        <source>%1 contains invisible characters that can disguise text (%2).</source>
        <translation>%1 enthält unsichtbare Zeichen, die Text verschleiern können (%2).</translation>
    </message>
    <message>
        <source>The protocol version &quot;%1&quot; is none that Crosstalk knows (1.0, 0.3, 0.2), so only the checks common to all versions were made.</source>
        <translation>Die Protokollversion &quot;%1&quot; kennt Crosstalk nicht (bekannt sind 1.0, 0.3, 0.2), daher wurden nur die Prüfungen vorgenommen, die allen Versionen gemeinsam sind.</translation>
    </message>
    <message>
        <source>Crosstalk cannot tell which A2A version the card follows, so only the checks common to all versions were made.</source>
        <translation>Crosstalk kann nicht erkennen, welcher A2A-Version die Agent Card folgt, daher wurden nur die Prüfungen vorgenommen, die allen Versionen gemeinsam sind.</translation>
    </message>
    <message>
        <source>The card could not be checked.</source>
        <translation>Die Agent Card konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The official A2A v0.3 JSON Schema was not available to this build, so the card&apos;s structure was checked against Crosstalk&apos;s built-in rules only.</source>
        <translation>Das offizielle A2A-v0.3-JSON-Schema stand diesem Build nicht zur Verfügung; die Struktur der Agent Card wurde daher nur mit den eingebauten Regeln von Crosstalk geprüft.</translation>
    </message>
</context>
<context>
    <name>Credential</name>
    <message>
        <source>bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>API key in the header %1</source>
        <translation>API-Schlüssel im Header %1</translation>
    </message>
    <message>
        <source>API key in the query parameter %1</source>
        <translation>API-Schlüssel im Query-Parameter %1</translation>
    </message>
    <message>
        <source>API key in the cookie %1</source>
        <translation>API-Schlüssel im Cookie %1</translation>
    </message>
    <message>
        <source>basic, user %1</source>
        <translation>Basic, Benutzer %1</translation>
    </message>
    <message>
        <source>A credential needs a name.</source>
        <translation>Zugangsdaten brauchen einen Namen.</translation>
    </message>
    <message>
        <source>A credential&apos;s name has at most 128 characters.</source>
        <translation>Der Name von Zugangsdaten hat höchstens 128 Zeichen.</translation>
    </message>
    <message>
        <source>A credential&apos;s name holds neither control characters nor “/”.</source>
        <translation>Der Name von Zugangsdaten enthält weder Steuerzeichen noch „/“.</translation>
    </message>
    <message>
        <source>The credential “%1” has no secret.</source>
        <translation>Die Zugangsdaten „%1“ haben kein Geheimnis.</translation>
    </message>
    <message>
        <source>A bearer token holds no spaces or control characters.</source>
        <translation>Ein Bearer-Token enthält keine Leerzeichen oder Steuerzeichen.</translation>
    </message>
    <message>
        <source>“%1” cannot name an API key&apos;s %2.</source>
        <translation>„%1“ kann nicht %2 eines API-Schlüssels benennen.</translation>
    </message>
    <message>
        <source>The API key holds characters its %1 cannot carry.</source>
        <translation>Der API-Schlüssel enthält Zeichen, die sein %1 nicht tragen kann.</translation>
    </message>
    <message>
        <source>A basic user name holds neither “:” nor control characters.</source>
        <translation>Ein Basic-Benutzername enthält weder „:“ noch Steuerzeichen.</translation>
    </message>
    <message>
        <source>A basic password holds no control characters.</source>
        <translation>Ein Basic-Passwort enthält keine Steuerzeichen.</translation>
    </message>
</context>
<context>
    <name>FileHandoff</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The type “%1” is not known here, so no application can be chosen for it.</source>
        <translation>Der Typ „%1“ ist hier nicht bekannt, daher kann keine Anwendung dafür gewählt werden.</translation>
    </message>
    <message>
        <source>Only audio, video and images are opened with another application.</source>
        <translation>Nur Audio, Video und Bilder werden mit einer anderen Anwendung geöffnet.</translation>
    </message>
    <message>
        <source>The data does not look like %1 (it looks like %2), so it was not opened.</source>
        <translation>Die Daten sehen nicht nach %1 aus (sondern nach %2), daher wurden sie nicht geöffnet.</translation>
    </message>
    <message>
        <source>No application could open it.</source>
        <translation>Keine Anwendung konnte sie öffnen.</translation>
    </message>
</context>
<context>
    <name>FormModel</name>
    <message>
        <source>More than %1 references follow one another.</source>
        <translation>Mehr als %1 Verweise folgen aufeinander.</translation>
    </message>
    <message>
        <source>The reference “%1” names an anchor, which the form does not follow.</source>
        <translation>Der Verweis „%1“ nennt einen Anker, dem das Formular nicht folgt.</translation>
    </message>
    <message>
        <source>The reference “%1” points to nothing in the schema.</source>
        <translation>Der Verweis „%1“ zeigt auf nichts im Schema.</translation>
    </message>
    <message>
        <source>allOf refers to another document (%1), which is never fetched.</source>
        <translation>allOf verweist auf ein anderes Dokument (%1), das nie abgerufen wird.</translation>
    </message>
    <message>
        <source>allOf refers back to a schema that contains it.</source>
        <translation>allOf verweist zurück auf ein Schema, das es enthält.</translation>
    </message>
    <message>
        <source>allOf holds false: no value is allowed.</source>
        <translation>allOf enthält false: Kein Wert ist erlaubt.</translation>
    </message>
    <message>
        <source>The types of allOf exclude each other: no value is allowed.</source>
        <translation>Die Typen in allOf schließen einander aus: Kein Wert ist erlaubt.</translation>
    </message>
    <message>
        <source>Nested deeper than %1 levels: edit this value as JSON.</source>
        <translation>Tiefer als %1 Ebenen verschachtelt: Diesen Wert als JSON bearbeiten.</translation>
    </message>
    <message>
        <source>The schema has more than %1 fields: edit this value as JSON.</source>
        <translation>Das Schema hat mehr als %1 Felder: Diesen Wert als JSON bearbeiten.</translation>
    </message>
    <message>
        <source>Its schema is in another document (%1), which Crosstalk never fetches: edit this value as JSON.</source>
        <translation>Sein Schema steht in einem anderen Dokument (%1), das Crosstalk nie abruft: Diesen Wert als JSON bearbeiten.</translation>
    </message>
    <message>
        <source>This schema contains itself: open it to fill in one more level.</source>
        <translation>Dieses Schema enthält sich selbst: Öffnen Sie es, um eine weitere Ebene auszufüllen.</translation>
    </message>
    <message>
        <source>The schema allows no value here.</source>
        <translation>Das Schema erlaubt hier keinen Wert.</translation>
    </message>
    <message>
        <source>The schema here is not an object: edit this value as JSON.</source>
        <translation>Das Schema ist hier kein Objekt: Diesen Wert als JSON bearbeiten.</translation>
    </message>
    <message>
        <source>The form does not enforce %1; the value is checked against them.</source>
        <translation>Das Formular setzt %1 nicht durch; der Wert wird dagegen geprüft.</translation>
    </message>
    <message>
        <source>The list of allowed values is empty.</source>
        <translation>Die Liste der erlaubten Werte ist leer.</translation>
    </message>
    <message>
        <source>The form cannot express this schema: edit this value as JSON.</source>
        <translation>Das Formular kann dieses Schema nicht darstellen: Diesen Wert als JSON bearbeiten.</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <source>Members named by patternProperties are not in the form: use Edit as JSON for them.</source>
        <translation>Von patternProperties benannte Einträge sind nicht im Formular: Dafür „Als JSON bearbeiten“ verwenden.</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>The form does not enforce contains; the value is checked against it.</source>
        <translation>Das Formular setzt contains nicht durch; der Wert wird dagegen geprüft.</translation>
    </message>
    <message>
        <source>The type “%1” is not a JSON Schema type.</source>
        <translation>Der Typ „%1“ ist kein JSON-Schema-Typ.</translation>
    </message>
</context>
<context>
    <name>Http1Parser</name>
    <message>
        <source>A chunk-size line in the response is longer than %1 bytes.</source>
        <translation>Eine Chunk-Größenzeile der Antwort ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>The response headers are larger than %1 bytes.</source>
        <translation>Die Kopfzeilen der Antwort sind größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>A chunk in the response is longer than its size line says.</source>
        <translation>Ein Chunk der Antwort ist länger, als seine Größenzeile angibt.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is not an HTTP/1 response: it begins with “%1”.</source>
        <translation>Die Antwort des Servers ist keine HTTP/1-Antwort: Sie beginnt mit „%1“.</translation>
    </message>
    <message>
        <source>The server answered with the status code %1, which does not exist.</source>
        <translation>Der Server antwortete mit dem Statuscode %1, den es nicht gibt.</translation>
    </message>
    <message>
        <source>The response headers begin with a continuation line.</source>
        <translation>Die Kopfzeilen der Antwort beginnen mit einer Fortsetzungszeile.</translation>
    </message>
    <message>
        <source>The response has a malformed header line: “%1”.</source>
        <translation>Die Antwort enthält eine fehlerhafte Kopfzeile: „%1“.</translation>
    </message>
    <message>
        <source>The response gives two different Content-Length values, “%1” and “%2”.</source>
        <translation>Die Antwort nennt zwei verschiedene Content-Length-Werte, „%1“ und „%2“.</translation>
    </message>
    <message>
        <source>The response&apos;s Content-Length “%1” is not a length.</source>
        <translation>Die Content-Length „%1“ der Antwort ist keine Länge.</translation>
    </message>
    <message>
        <source>A chunk-size line in the response is malformed: “%1”.</source>
        <translation>Eine Chunk-Größenzeile der Antwort ist fehlerhaft: „%1“.</translation>
    </message>
    <message>
        <source>The server closed the connection without answering.</source>
        <translation>Der Server hat die Verbindung ohne Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The server closed the connection in the middle of the response headers.</source>
        <translation>Der Server hat die Verbindung mitten in den Kopfzeilen der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The connection closed %1 bytes before the end of the response body.</source>
        <translation>Die Verbindung wurde %1 Bytes vor dem Ende des Antwortinhalts geschlossen.</translation>
    </message>
    <message>
        <source>The connection closed before the end of the chunked response body.</source>
        <translation>Die Verbindung wurde vor dem Ende des Antwortinhalts (chunked) geschlossen.</translation>
    </message>
</context>
<context>
    <name>JsonTree</name>
    <message numerus="yes">
        <source>{%n member(s)}</source>
        <translation>
            <numerusform>{%n Element}</numerusform>
            <numerusform>{%n Elemente}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n Eintrag]</numerusform>
            <numerusform>[%n Einträge]</numerusform>
        </translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>McpConfig</name>
    <message>
        <source>%1: expected a string</source>
        <translation>%1: eine Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1: fehlt</translation>
    </message>
    <message>
        <source>%1: expected true or false</source>
        <translation>%1: true oder false erwartet</translation>
    </message>
    <message>
        <source>%1: expected a list</source>
        <translation>%1: eine Liste erwartet</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: ein Objekt erwartet</translation>
    </message>
    <message>
        <source>%1: expected a list of strings</source>
        <translation>%1: eine Liste von Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>%1: expected an object of names and strings</source>
        <translation>%1: ein Objekt aus Namen und Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>%1: holds a NUL character</source>
        <translation>%1: enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>%1: not a usable environment variable name</source>
        <translation>%1: kein verwendbarer Name für eine Umgebungsvariable</translation>
    </message>
    <message>
        <source>%1: not a valid HTTP header name</source>
        <translation>%1: kein gültiger HTTP-Header-Name</translation>
    </message>
    <message>
        <source>%1: a header value cannot hold a line break or a NUL character</source>
        <translation>%1: ein Header-Wert darf weder einen Zeilenumbruch noch ein NUL-Zeichen enthalten</translation>
    </message>
    <message>
        <source>%1: not imported: %2</source>
        <translation>%1: nicht importiert: %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more notes.</source>
        <translation>
            <numerusform>… und %n weiterer Hinweis.</numerusform>
            <numerusform>… und %n weitere Hinweise.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 is kept as written: Crosstalk does not fill it in; edit it before connecting.</source>
        <translation>%1: %2 bleibt wie geschrieben: Crosstalk setzt dafür keinen Wert ein; bearbeiten Sie es vor dem Verbinden.</translation>
    </message>
    <message>
        <source>%1: a secret that comes from %2, which Crosstalk cannot fill in: give its value before connecting.</source>
        <translation>%1: ein Geheimnis aus %2, das Crosstalk nicht einsetzen kann: Geben Sie seinen Wert vor dem Verbinden an.</translation>
    </message>
    <message>
        <source>%1: “%2” is not one of stdio, http, streamable-http, sse</source>
        <translation>%1: „%2“ ist keiner von stdio, http, streamable-http, sse</translation>
    </message>
    <message>
        <source>%1: needs a “command” (a program to start) or a “url”</source>
        <translation>%1: braucht einen „command“ (ein zu startendes Programm) oder eine „url“</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1: leer</translation>
    </message>
    <message>
        <source>%1: Crosstalk does not read environment files: the variables in %2 were not imported.</source>
        <translation>%1: Crosstalk liest keine Umgebungsdateien: Die Variablen in %2 wurden nicht importiert.</translation>
    </message>
    <message>
        <source>%1: not imported: its URL holds %2, which Crosstalk cannot fill in.</source>
        <translation>%1: nicht importiert: Die URL enthält %2, was Crosstalk nicht einsetzen kann.</translation>
    </message>
    <message>
        <source>%1: not imported: %2 is not an http or https URL.</source>
        <translation>%1: nicht importiert: %2 ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>%1: missing: the file is not a %2 configuration</source>
        <translation>%1: fehlt: Die Datei ist keine Konfiguration im Format %2</translation>
    </message>
    <message>
        <source>%1: expected an object of names and servers</source>
        <translation>%1: ein Objekt aus Namen und Servern erwartet</translation>
    </message>
    <message>
        <source>%1: more than %2 servers</source>
        <translation>%1: mehr als %2 Server</translation>
    </message>
    <message>
        <source>%1: the secret %2 needs a value%3: give it before connecting.</source>
        <translation>%1: Das Geheimnis %2 braucht einen Wert%3: Geben Sie ihn vor dem Verbinden an.</translation>
    </message>
    <message>
        <source>%1: %2 needs a value%3: edit the server before connecting.</source>
        <translation>%1: %2 braucht einen Wert%3: Bearbeiten Sie den Server vor dem Verbinden.</translation>
    </message>
    <message>
        <source>%1: the secret %2 needs %3 filled in: give its value before connecting.</source>
        <translation>%1: Für das Geheimnis %2 muss %3 ausgefüllt werden: Geben Sie seinen Wert vor dem Verbinden an.</translation>
    </message>
    <message>
        <source>%1: %2 is kept as written: fill it in before connecting.</source>
        <translation>%1: %2 bleibt wie geschrieben: Füllen Sie es vor dem Verbinden aus.</translation>
    </message>
    <message>
        <source>%1: “%2” is not positional or named</source>
        <translation>%1: „%2“ ist weder positional noch named</translation>
    </message>
    <message>
        <source>%1: %2 needs a value%3: edit the arguments before connecting.</source>
        <translation>%1: %2 braucht einen Wert%3: Bearbeiten Sie die Argumente vor dem Verbinden.</translation>
    </message>
    <message>
        <source>%1: “%2” is not one of stdio, streamable-http, sse</source>
        <translation>%1: „%2“ ist keiner von stdio, streamable-http, sse</translation>
    </message>
    <message>
        <source>%1: “%2” is not one of streamable-http, sse</source>
        <translation>%1: „%2“ ist keiner von streamable-http, sse</translation>
    </message>
    <message>
        <source>%1: not imported: its URL needs %2 filled in.</source>
        <translation>%1: nicht importiert: In der URL muss %2 ausgefüllt werden.</translation>
    </message>
    <message>
        <source>%1: not imported: an MCP bundle (.mcpb) is installed by a client that supports bundles.</source>
        <translation>%1: nicht importiert: Ein MCP-Bundle (.mcpb) wird von einem Client installiert, der Bundles unterstützt.</translation>
    </message>
    <message>
        <source>%1: not imported: Crosstalk does not know how to run a %2 package.</source>
        <translation>%1: nicht importiert: Crosstalk weiß nicht, wie ein Paket vom Typ %2 ausgeführt wird.</translation>
    </message>
    <message>
        <source>%1: the package serves MCP at %2 once started with “%3”: Crosstalk connects to the URL and does not start it.</source>
        <translation>%1: Das Paket stellt MCP unter %2 bereit, sobald es mit „%3“ gestartet wurde: Crosstalk verbindet sich mit der URL und startet es nicht.</translation>
    </message>
    <message>
        <source>The server.json lists no “packages” and no “remotes”.</source>
        <translation>Die server.json nennt weder „packages“ noch „remotes“.</translation>
    </message>
    <message>
        <source>packages, remotes: more than %1 servers</source>
        <translation>packages, remotes: mehr als %1 Server</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>Die Datei ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>The file is not JSON (at byte %1: a comment that is never closed).</source>
        <translation>Die Datei ist kein JSON (bei Byte %1: ein Kommentar, der nie geschlossen wird).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is nested too deeply (at %1).</source>
        <translation>Die Datei ist zu tief verschachtelt (bei %1).</translation>
    </message>
    <message>
        <source>The file is not JSON (at byte %1: %2).</source>
        <translation>Die Datei ist kein JSON (bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>The file is not an MCP configuration: it does not hold a JSON object.</source>
        <translation>Die Datei ist keine MCP-Konfiguration: Sie enthält kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The file is not an MCP configuration Crosstalk knows: it has no “mcpServers” (Claude Desktop, Cursor), no “servers” (VS Code) and no “name” with “packages” or “remotes” (server.json).</source>
        <translation>Die Datei ist keine MCP-Konfiguration, die Crosstalk kennt: Sie hat kein „mcpServers“ (Claude Desktop, Cursor), kein „servers“ (VS Code) und kein „name“ mit „packages“ oder „remotes“ (server.json).</translation>
    </message>
    <message>
        <source>The file could not be read (%1).</source>
        <translation>Die Datei konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Detected from the content</source>
        <translation>Am Inhalt erkannt</translation>
    </message>
    <message>
        <source>MCP registry server.json</source>
        <translation>server.json der MCP-Registry</translation>
    </message>
</context>
<context>
    <name>OAuthMetadata</name>
    <message>
        <source>The %1 “%2” is not a URL.</source>
        <translation>%1 „%2“ ist keine URL.</translation>
    </message>
    <message>
        <source>The %1 “%2” is neither https nor http.</source>
        <translation>%1 „%2“ ist weder https noch http.</translation>
    </message>
    <message>
        <source>The %1 “%2” is plain http to a host other than this computer; OAuth needs https there.</source>
        <translation>%1 „%2“ ist einfaches http zu einem anderen Host als diesem Computer; OAuth braucht dort https.</translation>
    </message>
    <message>
        <source>The %1 “%2” carries user info.</source>
        <translation>%1 „%2“ enthält Benutzerinformationen.</translation>
    </message>
    <message>
        <source>The %1 “%2” has a fragment.</source>
        <translation>%1 „%2“ hat ein Fragment.</translation>
    </message>
    <message>
        <source>The protected-resource metadata is not a JSON object.</source>
        <translation>Die Metadaten der geschützten Ressource sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The protected-resource metadata has no “resource”.</source>
        <translation>Die Metadaten der geschützten Ressource enthalten kein „resource“.</translation>
    </message>
    <message>
        <source>The protected-resource metadata&apos;s “resource” (“%1”) is not a URL.</source>
        <translation>Das Feld „resource“ („%1“) in den Metadaten der geschützten Ressource ist keine URL.</translation>
    </message>
    <message>
        <source>The protected-resource metadata is about “%1”, not about the server at “%2”; its authorization servers are not used (RFC 9728 section 3.3).</source>
        <translation>Die Metadaten der geschützten Ressource beziehen sich auf „%1“, nicht auf den Server unter „%2“; ihre Autorisierungsserver werden nicht verwendet (RFC 9728, Abschnitt 3.3).</translation>
    </message>
    <message>
        <source>The protected-resource metadata names no authorization server (“authorization_servers”).</source>
        <translation>Die Metadaten der geschützten Ressource nennen keinen Autorisierungsserver („authorization_servers“).</translation>
    </message>
    <message>
        <source>The authorization-server metadata is not a JSON object.</source>
        <translation>Die Metadaten des Autorisierungsservers sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The authorization-server metadata has no “issuer”.</source>
        <translation>Die Metadaten des Autorisierungsservers enthalten kein „issuer“.</translation>
    </message>
    <message>
        <source>The authorization-server metadata names the issuer “%1”, but it was fetched for “%2”; an issuer must match exactly (RFC 8414 section 3.3).</source>
        <translation>Die Metadaten des Autorisierungsservers nennen den Aussteller „%1“, wurden aber für „%2“ abgerufen; der Aussteller muss genau übereinstimmen (RFC 8414, Abschnitt 3.3).</translation>
    </message>
    <message>
        <source>The authorization-server metadata has no “%1”.</source>
        <translation>Die Metadaten des Autorisierungsservers enthalten kein „%1“.</translation>
    </message>
</context>
<context>
    <name>RedirectRules</name>
    <message>
        <source>HTTP status %1 is not a redirect.</source>
        <translation>HTTP-Status %1 ist keine Weiterleitung.</translation>
    </message>
    <message>
        <source>Redirect (HTTP %1) from %2 has no Location header.</source>
        <translation>Die Weiterleitung (HTTP %1) von %2 hat keinen Location-Header.</translation>
    </message>
    <message>
        <source>Too many redirects: stopped after %1, at %2.</source>
        <translation>Zu viele Weiterleitungen: nach %1 bei %2 abgebrochen.</translation>
    </message>
    <message>
        <source>Redirect from %1 has an invalid Location: %2</source>
        <translation>Die Weiterleitung von %1 hat einen ungültigen Location-Header: %2</translation>
    </message>
    <message>
        <source>Redirect from %1 to a %2 URL is not followed.</source>
        <translation>Der Weiterleitung von %1 auf eine %2-URL wird nicht gefolgt.</translation>
    </message>
    <message>
        <source>Redirect from %1 to the unencrypted %2 is not followed.</source>
        <translation>Der Weiterleitung von %1 auf die unverschlüsselte Adresse %2 wird nicht gefolgt.</translation>
    </message>
</context>
<context>
    <name>RequestHeaders</name>
    <message>
        <source>x-mcp-header at %1 is not on a property reached through “properties” alone.</source>
        <translation>x-mcp-header bei %1 steht nicht an einer Eigenschaft, die allein über „properties“ erreicht wird.</translation>
    </message>
    <message>
        <source>x-mcp-header at %1 is not a non-empty string.</source>
        <translation>x-mcp-header bei %1 ist keine nicht-leere Zeichenkette.</translation>
    </message>
    <message>
        <source>x-mcp-header “%1” at %2 is not a valid header name.</source>
        <translation>x-mcp-header „%1“ bei %2 ist kein gültiger Header-Name.</translation>
    </message>
    <message>
        <source>x-mcp-header “%1” at %2 is on a property that is not a string, integer or boolean.</source>
        <translation>x-mcp-header „%1“ bei %2 steht an einer Eigenschaft, die weder Zeichenkette noch ganze Zahl noch Wahrheitswert ist.</translation>
    </message>
    <message>
        <source>x-mcp-header “%1” is used twice.</source>
        <translation>x-mcp-header „%1“ kommt zweimal vor.</translation>
    </message>
</context>
<context>
    <name>SchemaValidator</name>
    <message>
        <source>The schema is not a JSON object.</source>
        <translation>Das Schema ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The schema could not be used (%1).</source>
        <translation>Das Schema konnte nicht verwendet werden (%1).</translation>
    </message>
    <message>
        <source>The value could not be checked (%1).</source>
        <translation>Der Wert konnte nicht geprüft werden (%1).</translation>
    </message>
    <message>
        <source>The value does not match the schema.</source>
        <translation>Der Wert passt nicht zum Schema.</translation>
    </message>
    <message>
        <source>The schema refers to itself without going into the value (a $ref loop), so it cannot be checked.</source>
        <translation>Das Schema verweist auf sich selbst, ohne in den Wert hineinzugehen (eine $ref-Schleife), daher kann es nicht geprüft werden.</translation>
    </message>
</context>
<context>
    <name>SchemeSignIn</name>
    <message>
        <source>the API key goes “%1”, which is none of header, query or cookie</source>
        <translation>der API-Schlüssel soll nach „%1“, was weder header noch query noch cookie ist</translation>
    </message>
    <message>
        <source>the API key scheme has no name to send the key under</source>
        <translation>das API-Schlüssel-Schema nennt keinen Namen, unter dem der Schlüssel gesendet wird</translation>
    </message>
    <message>
        <source>Crosstalk speaks the HTTP schemes Bearer and Basic, not “%1”</source>
        <translation>Crosstalk beherrscht die HTTP-Schemata Bearer und Basic, nicht „%1“</translation>
    </message>
    <message>
        <source>the OpenID Connect scheme has no valid openIdConnectUrl</source>
        <translation>das Schema für OpenID Connect hat keine gültige openIdConnectUrl</translation>
    </message>
    <message>
        <source>Crosstalk does not present client certificates (mutual TLS)</source>
        <translation>Crosstalk legt keine Client-Zertifikate vor (gegenseitiges TLS)</translation>
    </message>
    <message>
        <source>the scheme&apos;s type is not one A2A defines</source>
        <translation>der Typ des Schemas ist keiner, den A2A definiert</translation>
    </message>
    <message>
        <source>the authorization code flow lacks its authorizationUrl or tokenUrl</source>
        <translation>dem Autorisierungscode-Flow fehlt die authorizationUrl oder die tokenUrl</translation>
    </message>
    <message>
        <source>the client credentials flow lacks its tokenUrl</source>
        <translation>dem Client-Credentials-Flow fehlt die tokenUrl</translation>
    </message>
    <message>
        <source>the %1 flow, which OAuth 2.1 removed</source>
        <translation>dem Flow %1, den OAuth 2.1 entfernt hat</translation>
    </message>
    <message>
        <source>the device code flow</source>
        <translation>dem Device-Code-Flow</translation>
    </message>
    <message>
        <source>the unknown flow “%1”</source>
        <translation>dem unbekannten Flow „%1“</translation>
    </message>
    <message>
        <source>the OAuth 2 scheme names no flow and no oauth2MetadataUrl</source>
        <translation>das Schema für OAuth 2 nennt keinen Flow und keine oauth2MetadataUrl</translation>
    </message>
    <message>
        <source>Crosstalk does not sign in with %1</source>
        <translation>Crosstalk meldet sich nicht mit %1 an</translation>
    </message>
    <message>
        <source>API key in query parameter %1</source>
        <translation>API-Schlüssel im Query-Parameter %1</translation>
    </message>
    <message>
        <source>API key in cookie %1</source>
        <translation>API-Schlüssel im Cookie %1</translation>
    </message>
    <message>
        <source>API key in header %1</source>
        <translation>API-Schlüssel im Header %1</translation>
    </message>
    <message>
        <source>HTTP bearer token</source>
        <translation>HTTP-Bearer-Token</translation>
    </message>
    <message>
        <source>HTTP basic (user and password)</source>
        <translation>HTTP Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>OAuth 2 sign-in in the browser</source>
        <translation>Anmeldung mit OAuth 2 im Browser</translation>
    </message>
    <message>
        <source>OAuth 2 client credentials</source>
        <translation>Client-Credentials mit OAuth 2</translation>
    </message>
    <message>
        <source>OpenID Connect sign-in in the browser</source>
        <translation>Anmeldung mit OpenID Connect im Browser</translation>
    </message>
    <message>
        <source>not supported: %1</source>
        <translation>nicht unterstützt: %1</translation>
    </message>
    <message>
        <source>%1 (scopes: %2)</source>
        <translation>%1 (Scopes: %2)</translation>
    </message>
    <message>
        <source>the card does not declare this scheme</source>
        <translation>die Karte deklariert dieses Schema nicht</translation>
    </message>
</context>
<context>
    <name>ShellQuote</name>
    <message>
        <source>the quote %1 at character %2 is never closed</source>
        <translation>das Anführungszeichen %1 an Zeichen %2 wird nie geschlossen</translation>
    </message>
</context>
<context>
    <name>SignInOption</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The card requires schemes it does not declare: %1.</source>
        <translation>Die Karte verlangt Schemata, die sie nicht deklariert: %1.</translation>
    </message>
    <message>
        <source>Crosstalk cannot meet this requirement: %1.</source>
        <translation>Crosstalk kann diese Anforderung nicht erfüllen: %1.</translation>
    </message>
    <message>
        <source>The schemes %1 would each send an Authorization header; one request cannot carry both.</source>
        <translation>Die Schemata %1 würden jeweils einen Authorization-Header senden; eine Anfrage kann nicht beide tragen.</translation>
    </message>
</context>
<context>
    <name>SignatureKeys</name>
    <message>
        <source>the JWK Set</source>
        <translation>dem JWK Set</translation>
    </message>
    <message>
        <source>The &quot;keys&quot; of %1 is not a list.</source>
        <translation>Das Feld &quot;keys&quot; in %1 ist keine Liste.</translation>
    </message>
    <message>
        <source>%1 is neither a JWK Set nor a JWK.</source>
        <translation>In %1 steht weder ein JWK Set noch ein JWK.</translation>
    </message>
    <message>
        <source>Key %1 in %2 cannot be used: %3.</source>
        <translation>Schlüssel %1 in %2 ist nicht verwendbar: %3.</translation>
    </message>
    <message>
        <source>%1 holds no keys.</source>
        <translation>In %1 sind keine Schlüssel enthalten.</translation>
    </message>
    <message>
        <source>%1 holds no key that can verify card signatures (%2).</source>
        <translation>In %1 ist kein Schlüssel enthalten, mit dem sich Signaturen von Agent Cards verifizieren lassen (%2).</translation>
    </message>
    <message>
        <source>the PEM text</source>
        <translation>dem PEM-Text</translation>
    </message>
    <message>
        <source>%1 holds a private key; give the public key (&quot;BEGIN PUBLIC KEY&quot;) instead.</source>
        <translation>In %1 steht ein privater Schlüssel; geben Sie stattdessen den öffentlichen Schlüssel (&quot;BEGIN PUBLIC KEY&quot;) an.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>Aus %1 kann nichts gelesen werden.</translation>
    </message>
    <message>
        <source>%1 holds a %2 key, which cannot verify A2A card signatures.</source>
        <translation>In %1 steht ein Schlüssel vom Typ %2, mit dem sich keine Signaturen von A2A-Agent-Cards verifizieren lassen.</translation>
    </message>
    <message>
        <source>%1 holds no public key (a PEM block &quot;BEGIN PUBLIC KEY&quot;).</source>
        <translation>In %1 ist kein öffentlicher Schlüssel enthalten (ein PEM-Block &quot;BEGIN PUBLIC KEY&quot;).</translation>
    </message>
    <message>
        <source>The key file %1 cannot be read: %2.</source>
        <translation>Die Schlüsseldatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The key file %1 is larger than %2 bytes.</source>
        <translation>Die Schlüsseldatei %1 ist größer als %2 Bytes.</translation>
    </message>
    <message>
        <source>the key file %1</source>
        <translation>der Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>The key file %1 is not valid JSON.</source>
        <translation>Die Schlüsseldatei %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The key file %1 holds neither a PEM public key nor a JWK or JWK Set.</source>
        <translation>Die Schlüsseldatei %1 enthält weder einen öffentlichen Schlüssel im PEM-Format noch einen JWK oder ein JWK Set.</translation>
    </message>
</context>
<context>
    <name>SseParser</name>
    <message>
        <source>Event stream: an event at byte %1 is larger than the limit of %2 bytes; the stream was stopped.</source>
        <translation>Ereignisstrom: Ein Ereignis bei Byte %1 ist größer als die Grenze von %2 Bytes; der Strom wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>TaskModel</name>
    <message>
        <source>%1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The result has no &quot;kind&quot; and none of &quot;task&quot;, &quot;message&quot;, &quot;statusUpdate&quot; or &quot;artifactUpdate&quot;.</source>
        <translation>Das Ergebnis hat kein &quot;kind&quot; und keines von &quot;task&quot;, &quot;message&quot;, &quot;statusUpdate&quot; oder &quot;artifactUpdate&quot;.</translation>
    </message>
    <message>
        <source>The result&apos;s kind &quot;%1&quot; is not one A2A defines.</source>
        <translation>Die Art &quot;%1&quot; des Ergebnisses ist in A2A nicht definiert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing from the %2.</source>
        <translation>&quot;%1&quot; fehlt in %2.</translation>
    </message>
    <message>
        <source>The result could not be read: %1.</source>
        <translation>Das Ergebnis konnte nicht gelesen werden: %1.</translation>
    </message>
</context>
<context>
    <name>TrafficFilter</name>
    <message>
        <source>The phrase “%1” has no closing quote.</source>
        <translation>Der Ausdruck „%1“ hat kein schließendes Anführungszeichen.</translation>
    </message>
    <message>
        <source>%1: %2 (at %3)</source>
        <translation>%1: %2 (bei %3)</translation>
    </message>
    <message>
        <source>“%1” needs a value after the colon.</source>
        <translation>„%1“ braucht einen Wert nach dem Doppelpunkt.</translation>
    </message>
    <message>
        <source>dir: takes in or out, not “%1”.</source>
        <translation>dir: nimmt in oder out, nicht „%1“.</translation>
    </message>
    <message>
        <source>status: takes a status such as 404 or 4xx, not “%1”.</source>
        <translation>status: nimmt einen Status wie 404 oder 4xx, nicht „%1“.</translation>
    </message>
    <message>
        <source>is: takes error, not “%1”.</source>
        <translation>is: nimmt error, nicht „%1“.</translation>
    </message>
    <message>
        <source>“%1:” is not a filter key (method, connection, id, kind, dir, status, is).</source>
        <translation>„%1:“ ist kein Filterschlüssel (method, connection, id, kind, dir, status, is).</translation>
    </message>
    <message>
        <source>“%1” cannot be searched for: it is not valid text.</source>
        <translation>Nach „%1“ kann nicht gesucht werden: Es ist kein gültiger Text.</translation>
    </message>
</context>
<context>
    <name>UriTemplate</name>
    <message>
        <source>A “}” without its “{” at character %1.</source>
        <translation>Ein „}“ ohne sein „{“ an Zeichen %1.</translation>
    </message>
    <message>
        <source>The expression at character %1 is not closed.</source>
        <translation>Der Ausdruck an Zeichen %1 ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>The operator “%1” at character %2 is reserved for future use.</source>
        <translation>Der Operator „%1“ an Zeichen %2 ist für künftige Verwendung reserviert.</translation>
    </message>
    <message>
        <source>The prefix in “%1” is not a number from 1 to 9999.</source>
        <translation>Das Präfix in „%1“ ist keine Zahl von 1 bis 9999.</translation>
    </message>
    <message>
        <source>“%1” in the expression at character %2 is not a variable name.</source>
        <translation>„%1“ im Ausdruck an Zeichen %2 ist kein Variablenname.</translation>
    </message>
</context>
<context>
    <name>WwwAuthenticate</name>
    <message>
        <source>Unexpected “%1” at character %2 of WWW-Authenticate.</source>
        <translation>Unerwartetes „%1“ bei Zeichen %2 von WWW-Authenticate.</translation>
    </message>
    <message>
        <source>The quoted value of “%1” in WWW-Authenticate is not closed.</source>
        <translation>Der Wert in Anführungszeichen von „%1“ in WWW-Authenticate ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Unexpected “%1” after the parameter “%2” in WWW-Authenticate (character %3).</source>
        <translation>Unerwartetes „%1“ nach dem Parameter „%2“ in WWW-Authenticate (Zeichen %3).</translation>
    </message>
    <message>
        <source>Unexpected “%1” after the scheme “%2” in WWW-Authenticate (character %3).</source>
        <translation>Unerwartetes „%1“ nach dem Schema „%2“ in WWW-Authenticate (Zeichen %3).</translation>
    </message>
</context>
<context>
    <name>crosstalk-cli</name>
    <message>
        <source>Seconds to wait for connecting and for an answer to begin (default 30).</source>
        <translation>Wartezeit in Sekunden für den Verbindungsaufbau und den Beginn der Antwort (Standard: 30).</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds above 0, not &apos;%1&apos;.</source>
        <translation>--timeout erwartet eine Anzahl Sekunden größer als 0, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>unknown a2a command &apos;%1&apos;; see --help.</source>
        <translation>unbekannter a2a-Befehl &apos;%1&apos;; siehe --help.</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;; see --help.</source>
        <translation>unbekannter Befehl &apos;%1&apos;; siehe --help.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an http or https URL.</source>
        <translation>&apos;%1&apos; ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>Send the credential of this name, from the keychain (see crosstalk-cli credential).</source>
        <translation>Die Zugangsdaten dieses Namens aus dem Schlüsselbund senden (siehe crosstalk-cli credential).</translation>
    </message>
    <message>
        <source>Secret for %1 (not shown): </source>
        <translation>Geheimnis für %1 (wird nicht angezeigt): </translation>
    </message>
    <message>
        <source>the secret on stdin is longer than 64 KiB.</source>
        <translation>das Geheimnis auf stdin ist länger als 64 KiB.</translation>
    </message>
    <message>
        <source>no secret on stdin (for example: printf %s &quot;$TOKEN&quot; | crosstalk-cli credential set NAME --bearer).</source>
        <translation>kein Geheimnis auf stdin (zum Beispiel: printf %s &quot;$TOKEN&quot; | crosstalk-cli credential set NAME --bearer).</translation>
    </message>
    <message>
        <source>Usage: crosstalk-cli COMMAND [ARGUMENTS]

Crosstalk&apos;s headless tool: inspect A2A agents and MCP servers from scripts.

Commands:
  a2a card URL [--key FILE] [--json]
      Fetch an agent&apos;s card, validate it and check its signatures.
  a2a send URL TEXT [--stream] [--push] [--task ID] [--context ID] [--data JSON] [--file PATH]
                    [--binding jsonrpc|http-json] [--a2a-version 1.0|0.3] [--header &quot;Name: value&quot;]... [--json]
      Send a message and follow the task it starts.
  a2a get URL TASK_ID [--history N] [--json]
  a2a list URL [--json]
  a2a cancel URL TASK_ID [--json]
  a2a subscribe URL TASK_ID [--json]
      Show, list, cancel or follow tasks.
  mcp VERB [VERB ARGS] [OPTIONS] (--url URL | -- COMMAND [ARGS...])
      Connect to an MCP server (remote, or started over stdio) and run one verb: info, tools,
      call TOOL, resources, templates, read URI, prompts, prompt NAME,
      complete (--prompt NAME | --template URI) ARG VALUE, ping.
  mcp-conformance URL
      The client the official MCP conformance suite drives.
  credential set NAME (--bearer | --api-key HEADER [--in header|query|cookie] | --basic USER)
  credential list [--json]
  credential delete NAME
      Keep credentials in the operating system&apos;s keychain; set reads the secret from stdin.
  Common options: --timeout SECONDS (default 30); --credential NAME sends a kept credential
  (a2a commands, and mcp with --url).

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.

Each command has its own --help. Exit codes: 0 success, 1 usage error, 2 the peer answered
with an error or broke the protocol, 3 the card has validation errors or a signature that does
not verify, 4 could not connect or timed out, 5 the task ended failed, canceled or rejected,
6 the keychain is missing, refused or failed.
</source>
        <translation>Aufruf: crosstalk-cli BEFEHL [ARGUMENTE]

Das Kommandozeilenwerkzeug von Crosstalk: A2A-Agenten und MCP-Server aus Skripten untersuchen.

Befehle:
  a2a card URL [--key FILE] [--json]
      Die Agent Card eines Agenten abrufen, prüfen und ihre Signaturen verifizieren.
  a2a send URL TEXT [--stream] [--push] [--task ID] [--context ID] [--data JSON] [--file PATH]
                    [--binding jsonrpc|http-json] [--a2a-version 1.0|0.3] [--header &quot;Name: value&quot;]... [--json]
      Eine Nachricht senden und die Aufgabe verfolgen, die sie beginnt.
  a2a get URL TASK_ID [--history N] [--json]
  a2a list URL [--json]
  a2a cancel URL TASK_ID [--json]
  a2a subscribe URL TASK_ID [--json]
      Aufgaben anzeigen, auflisten, abbrechen oder verfolgen.
  mcp VERB [VERB ARGS] [OPTIONS] (--url URL | -- COMMAND [ARGS...])
      Mit einem MCP-Server verbinden (entfernt oder über stdio gestartet) und ein Verb ausführen: info,
      tools, call TOOL, resources, templates, read URI, prompts, prompt NAME,
      complete (--prompt NAME | --template URI) ARG VALUE, ping.
  mcp-conformance URL
      Der Client, den die offizielle MCP-Konformitätssuite steuert.
  credential set NAME (--bearer | --api-key HEADER [--in header|query|cookie] | --basic USER)
  credential list [--json]
  credential delete NAME
      Zugangsdaten im Schlüsselbund des Betriebssystems aufbewahren; set liest das Geheimnis von stdin.
  Gemeinsame Optionen: --timeout SECONDS (Standard: 30); --credential NAME sendet aufbewahrte
  Zugangsdaten (a2a-Befehle und mcp mit --url).

Optionen:
  -h, --help     Diese Hilfe anzeigen.
  -v, --version  Die Version anzeigen.

Jeder Befehl hat seine eigene --help. Rückgabewerte: 0 Erfolg, 1 Aufruffehler, 2 die Gegenstelle
hat mit einem Fehler geantwortet oder das Protokoll verletzt, 3 die Agent Card hat Validierungsfehler
oder eine Signatur, die sich nicht verifizieren lässt, 4 keine Verbindung oder Zeitüberschreitung,
5 die Aufgabe endete als fehlgeschlagen, abgebrochen oder abgelehnt,
6 der Schlüsselbund fehlt, verweigert den Zugriff oder ist fehlgeschlagen.
</translation>
    </message>
    <message>
        <source>there is no credential named &apos;%1&apos;; see crosstalk-cli credential list.</source>
        <translation>es gibt keine Zugangsdaten namens &apos;%1&apos;; siehe crosstalk-cli credential list.</translation>
    </message>
    <message>
        <source>the credential &apos;%1&apos; is an API key for the query; a2a commands send credentials in headers.</source>
        <translation>die Zugangsdaten &apos;%1&apos; sind ein API-Schlüssel für die Query; a2a-Befehle senden Zugangsdaten in Headern.</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::A2aCall</name>
    <message>
        <source>A stream event is not a JSON-RPC response: %1</source>
        <translation>Ein Ereignis im Strom ist keine JSON-RPC-Antwort: %1</translation>
    </message>
    <message>
        <source>A stream event holds a JSON-RPC request or notification, not a response.</source>
        <translation>Ein Ereignis im Strom enthält eine JSON-RPC-Anfrage oder -Benachrichtigung, keine Antwort.</translation>
    </message>
    <message>
        <source>A stream event is not JSON (at byte %1: %2).</source>
        <translation>Ein Ereignis im Strom ist kein JSON (bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>A stream event is not a task, message or update: %1</source>
        <translation>Ein Ereignis im Strom ist weder eine Aufgabe noch eine Nachricht noch eine Aktualisierung: %1</translation>
    </message>
    <message>
        <source>The agent answered HTTP %1 with an event stream.</source>
        <translation>Der Agent hat mit HTTP %1 und einem Ereignisstrom geantwortet.</translation>
    </message>
    <message>
        <source>The agent answered HTTP %1 %2 without an A2A error.</source>
        <translation>Der Agent hat mit HTTP %1 %2 geantwortet, ohne einen A2A-Fehler anzugeben.</translation>
    </message>
    <message>
        <source>The agent&apos;s answer is empty.</source>
        <translation>Die Antwort des Agenten ist leer.</translation>
    </message>
    <message>
        <source>The agent&apos;s answer is not JSON (at byte %1: %2).</source>
        <translation>Die Antwort des Agenten ist kein JSON (bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>The agent&apos;s answer is not a JSON-RPC response: %1</source>
        <translation>Die Antwort des Agenten ist keine JSON-RPC-Antwort: %1</translation>
    </message>
    <message>
        <source>The agent answered with a JSON-RPC request instead of a response.</source>
        <translation>Der Agent hat statt einer Antwort eine JSON-RPC-Anfrage gesendet.</translation>
    </message>
    <message>
        <source>The agent&apos;s answer is not a task or a message: %1</source>
        <translation>Die Antwort des Agenten ist weder eine Aufgabe noch eine Nachricht: %1</translation>
    </message>
    <message>
        <source>The call was stopped.</source>
        <translation>Der Aufruf wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The agent&apos;s answer is larger than %1 bytes; it was stopped.</source>
        <translation>Die Antwort des Agenten ist größer als %1 Bytes; sie wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The stream sent no event within %1 ms.</source>
        <translation>Der Strom hat innerhalb von %1 ms kein Ereignis gesendet.</translation>
    </message>
    <message>
        <source>The agent answered HTTP %1 without an A2A error.</source>
        <translation>Der Agent hat mit HTTP %1 geantwortet, ohne einen A2A-Fehler.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::A2aClient</name>
    <message>
        <source>The card names no interface to reach the agent at.</source>
        <translation>Die Agent Card nennt keine Schnittstelle, über die der Agent erreichbar ist.</translation>
    </message>
    <message>
        <source>The card offers no interface Crosstalk can speak with the binding and version asked for (JSON-RPC for v1.0 and v0.3, HTTP+JSON for v1.0).</source>
        <translation>Die Agent Card bietet keine Schnittstelle, die Crosstalk mit der verlangten Protokollbindung und Version beherrscht (JSON-RPC für v1.0 und v0.3, HTTP+JSON für v1.0).</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>Die Verbindung ist geschlossen.</translation>
    </message>
    <message>
        <source>A2A v0.3 has no JSON-RPC method for this operation.</source>
        <translation>A2A v0.3 hat keine JSON-RPC-Methode für diesen Vorgang.</translation>
    </message>
    <message>
        <source>Listing tasks needs A2A v1.0; this agent is spoken to in v0.3.</source>
        <translation>Das Auflisten von Aufgaben erfordert A2A v1.0; dieser Agent wird über v0.3 angesprochen.</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::CardSignatureVerifier</name>
    <message numerus="yes">
        <source>the card names more than %n key sets, and only the first ones are fetched.</source>
        <translation>
            <numerusform>die Agent Card nennt mehr als %n Schlüsselsatz, und nur der erste wird abgerufen.</numerusform>
            <numerusform>die Agent Card nennt mehr als %n Schlüsselsätze, und nur die ersten werden abgerufen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::Conversation</name>
    <message>
        <source>The message is empty: add text, a file or data.</source>
        <translation>Die Nachricht ist leer: Fügen Sie Text, eine Datei oder Daten hinzu.</translation>
    </message>
    <message>
        <source>The agent&apos;s card has not been read, so there is nowhere to send to.</source>
        <translation>Die Karte des Agenten wurde noch nicht gelesen; es gibt kein Ziel zum Senden.</translation>
    </message>
    <message>
        <source>subscribed again on request</source>
        <translation>auf Wunsch erneut abonniert</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::JkuFetcher</name>
    <message>
        <source>%1 is not a valid URL.</source>
        <translation>%1 ist keine gültige URL.</translation>
    </message>
    <message>
        <source>only https URLs, and http URLs on this computer&apos;s loopback interface, are fetched for keys.</source>
        <translation>Schlüssel werden nur von https-URLs und von http-URLs auf der Loopback-Schnittstelle dieses Computers abgerufen.</translation>
    </message>
    <message>
        <source>the server redirected the request, and key sets on plain http are fetched without redirects.</source>
        <translation>der Server hat die Anfrage weitergeleitet, und Schlüsselsätze über einfaches http werden ohne Weiterleitungen abgerufen.</translation>
    </message>
    <message>
        <source>the server answered with HTTP status %1.</source>
        <translation>der Server hat mit HTTP-Status %1 geantwortet.</translation>
    </message>
    <message>
        <source>the key set at %1</source>
        <translation>dem Schlüsselsatz unter %1</translation>
    </message>
    <message>
        <source>the answer is not JSON.</source>
        <translation>die Antwort ist kein JSON.</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::TaskSession</name>
    <message>
        <source>the stream was silent</source>
        <translation>der Strom blieb still</translation>
    </message>
    <message>
        <source>The agent&apos;s answer named no task and held no message.</source>
        <translation>Die Antwort des Agenten nannte keine Aufgabe und enthielt keine Nachricht.</translation>
    </message>
    <message>
        <source>the stream ended before the task did</source>
        <translation>der Strom endete vor der Aufgabe</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::TaskTracker</name>
    <message>
        <source>An update about task %1 arrived for task %2; it was set aside.</source>
        <translation>Eine Aktualisierung zu Aufgabe %1 kam für Aufgabe %2 an; sie wurde beiseitegelegt.</translation>
    </message>
    <message>
        <source>The task&apos;s context changed from %1 to %2.</source>
        <translation>Der Kontext der Aufgabe hat sich von %1 zu %2 geändert.</translation>
    </message>
    <message>
        <source>The state &quot;%1&quot; is not an A2A task state.</source>
        <translation>Der Zustand &quot;%1&quot; ist kein A2A-Aufgabenzustand.</translation>
    </message>
    <message>
        <source>The agent reported the task&apos;s state as unknown.</source>
        <translation>Der Agent hat den Zustand der Aufgabe als unbekannt gemeldet.</translation>
    </message>
    <message>
        <source>The task was already %1, and then became %2: nothing may follow a final state.</source>
        <translation>Die Aufgabe war bereits %1 und wurde dann %2: Auf einen Endzustand darf nichts folgen.</translation>
    </message>
    <message>
        <source>An artifact chunk for %1 arrived after the task was %2.</source>
        <translation>Ein Teilstück des Artefakts %1 kam an, nachdem die Aufgabe %2 war.</translation>
    </message>
    <message>
        <source>A chunk was to be appended to artifact %1, which had not been sent; it starts the artifact.</source>
        <translation>Ein Teilstück sollte an das Artefakt %1 angehängt werden, das nie gesendet wurde; es beginnt das Artefakt.</translation>
    </message>
    <message>
        <source>A chunk was appended to artifact %1 after its last chunk.</source>
        <translation>An das Artefakt %1 wurde nach seinem letzten Teilstück noch ein Teilstück angehängt.</translation>
    </message>
    <message>
        <source>The task has %1 artifacts; %2 were assembled from the chunks.</source>
        <translation>Die Aufgabe hat %1 Artefakte; aus den Teilstücken wurden %2 zusammengesetzt.</translation>
    </message>
    <message>
        <source>Artifact %1 is in the task but no chunk of it arrived.</source>
        <translation>Das Artefakt %1 ist in der Aufgabe, aber kein Teilstück davon ist angekommen.</translation>
    </message>
    <message>
        <source>Artifact %1 has %2 parts in the task; %3 were assembled.</source>
        <translation>Das Artefakt %1 hat in der Aufgabe %2 Teile; zusammengesetzt wurden %3.</translation>
    </message>
    <message>
        <source>Part %1 of artifact %2 differs from the assembled one.</source>
        <translation>Teil %1 des Artefakts %2 weicht vom zusammengesetzten ab.</translation>
    </message>
    <message>
        <source>the same chunk came another way before; not applied again</source>
        <translation>dasselbe Teilstück kam schon auf einem anderen Weg; nicht erneut angewendet</translation>
    </message>
    <message>
        <source>a repeat of a status already reported; the state stays</source>
        <translation>eine Wiederholung eines bereits gemeldeten Status; der Zustand bleibt</translation>
    </message>
</context>
<context>
    <name>crosstalk::a2a::WebhookReceiver</name>
    <message>
        <source>The push-notification receiver cannot listen on 127.0.0.1: %1</source>
        <translation>Der Empfänger für Push-Benachrichtigungen kann nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
    <message>
        <source>The delivery&apos;s body was not sent with a Content-Length.</source>
        <translation>Der Inhalt der Zustellung kam ohne Content-Length.</translation>
    </message>
    <message>
        <source>The delivery is larger than %1 bytes.</source>
        <translation>Die Zustellung ist größer als %1 Bytes.</translation>
    </message>
    <message>
        <source>A delivery came to an unknown path.</source>
        <translation>Eine Zustellung kam an einen unbekannten Pfad.</translation>
    </message>
    <message>
        <source>A delivery came with %1 instead of POST.</source>
        <translation>Eine Zustellung kam mit %1 statt POST.</translation>
    </message>
    <message>
        <source>A delivery came without the notification token.</source>
        <translation>Eine Zustellung kam ohne das Benachrichtigungs-Token.</translation>
    </message>
    <message>
        <source>A delivery came with a wrong notification token.</source>
        <translation>Eine Zustellung kam mit einem falschen Benachrichtigungs-Token.</translation>
    </message>
    <message>
        <source>A delivery is not JSON (at byte %1: %2).</source>
        <translation>Eine Zustellung ist kein JSON (bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>A delivery is not a task or an update: %1</source>
        <translation>Eine Zustellung ist weder eine Aufgabe noch eine Aktualisierung: %1</translation>
    </message>
</context>
<context>
    <name>crosstalk::auth::A2aSignIn</name>
    <message>
        <source>the user for “%1”</source>
        <translation>der Benutzer für „%1“</translation>
    </message>
    <message>
        <source>the API key for “%1”</source>
        <translation>der API-Schlüssel für „%1“</translation>
    </message>
    <message>
        <source>the password for “%1”</source>
        <translation>das Passwort für „%1“</translation>
    </message>
    <message>
        <source>the token for “%1”</source>
        <translation>das Token für „%1“</translation>
    </message>
    <message>
        <source>a client ID for “%1”</source>
        <translation>eine Client-ID für „%1“</translation>
    </message>
    <message>
        <source>the client secret for “%1”</source>
        <translation>das Client-Secret für „%1“</translation>
    </message>
    <message>
        <source>Still needed: %1.</source>
        <translation>Noch erforderlich: %1.</translation>
    </message>
    <message>
        <source>Sign-in stopped</source>
        <translation>Anmeldung abgebrochen</translation>
    </message>
    <message>
        <source>The credential for “%1” cannot be sent: %2</source>
        <translation>Die Zugangsdaten für „%1“ können nicht gesendet werden: %2</translation>
    </message>
    <message>
        <source>Credential for “%1”</source>
        <translation>Zugangsdaten für „%1“</translation>
    </message>
    <message>
        <source>Sent with every call to the agent: %1.</source>
        <translation>Bei jedem Aufruf des Agenten mitgesendet: %1.</translation>
    </message>
    <message>
        <source>The agent refused the credentials given; sign in again with others.</source>
        <translation>Der Agent hat die angegebenen Zugangsdaten abgelehnt; melden Sie sich mit anderen erneut an.</translation>
    </message>
    <message>
        <source>The agent requires a sign-in.</source>
        <translation>Der Agent verlangt eine Anmeldung.</translation>
    </message>
</context>
<context>
    <name>crosstalk::auth::CredentialStore</name>
    <message>
        <source>No keychain is available (%1). Crosstalk keeps secrets only in the system&apos;s keychain: start one (such as GNOME Keyring or KWallet).</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Crosstalk bewahrt Geheimnisse nur im Schlüsselbund des Systems auf: Starten Sie einen (etwa GNOME Keyring oder KWallet).</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>The keychain failed: %1</source>
        <translation>Der Schlüsselbund ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The keychain&apos;s list of Crosstalk credentials is damaged; it was left as it is.</source>
        <translation>Die Liste der Crosstalk-Zugangsdaten im Schlüsselbund ist beschädigt; sie wurde so belassen.</translation>
    </message>
    <message>
        <source>The keychain&apos;s item for the credential “%1” is damaged.</source>
        <translation>Der Eintrag für die Zugangsdaten „%1“ im Schlüsselbund ist beschädigt.</translation>
    </message>
    <message>
        <source>The keychain&apos;s item for the authorization server “%1” is damaged.</source>
        <translation>Der Eintrag für den Autorisierungsserver „%1“ im Schlüsselbund ist beschädigt.</translation>
    </message>
    <message>
        <source>An OAuth grant needs its issuer.</source>
        <translation>Eine OAuth-Berechtigung braucht ihren Aussteller.</translation>
    </message>
</context>
<context>
    <name>crosstalk::auth::LoopbackRedirect</name>
    <message>
        <source>Crosstalk could not listen on 127.0.0.1 for the sign-in&apos;s return: %1</source>
        <translation>Crosstalk konnte für die Rückkehr von der Anmeldung nicht auf 127.0.0.1 lauschen: %1</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>Die Anfrage ist zu groß.</translation>
    </message>
    <message>
        <source>Crosstalk only expects the browser&apos;s return from signing in here.</source>
        <translation>Crosstalk erwartet hier nur die Rückkehr des Browsers von der Anmeldung.</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>Nicht gefunden.</translation>
    </message>
    <message>
        <source>This sign-in response does not belong to the sign-in Crosstalk started (its state does not match); it was ignored.</source>
        <translation>Diese Anmeldeantwort gehört nicht zu der Anmeldung, die Crosstalk begonnen hat (ihr state stimmt nicht überein); sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>A request reached the redirect listener without a state; it was ignored.</source>
        <translation>Eine Anfrage hat den Weiterleitungsempfänger ohne state erreicht; sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>A request reached the redirect listener with another state; it was ignored.</source>
        <translation>Eine Anfrage hat den Weiterleitungsempfänger mit einem anderen state erreicht; sie wurde ignoriert.</translation>
    </message>
    <message>
        <source>Crosstalk received the authorization server&apos;s answer: the sign-in did not succeed. Crosstalk shows the details; you can close this tab.</source>
        <translation>Crosstalk hat die Antwort des Autorisierungsservers erhalten: Die Anmeldung ist nicht gelungen. Crosstalk zeigt die Einzelheiten an; Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <source>Crosstalk received the sign-in. You can close this tab and go back to Crosstalk.</source>
        <translation>Crosstalk hat die Anmeldung erhalten. Sie können diesen Tab schließen und zu Crosstalk zurückkehren.</translation>
    </message>
</context>
<context>
    <name>crosstalk::auth::OAuthAuthorizer</name>
    <message>
        <source>The server answered HTTP %1</source>
        <translation>Der Server hat mit HTTP %1 geantwortet</translation>
    </message>
    <message>
        <source>No WWW-Authenticate header.</source>
        <translation>Kein WWW-Authenticate-Header.</translation>
    </message>
    <message>
        <source>No Bearer challenge in WWW-Authenticate.</source>
        <translation>Keine Bearer-Challenge in WWW-Authenticate.</translation>
    </message>
    <message>
        <source>Bearer challenge: resource_metadata %1, scope %2, error %3</source>
        <translation>Bearer-Challenge: resource_metadata %1, scope %2, error %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <source>The server still refuses the request after %n authorization(s); Crosstalk stops here (the retry limit).</source>
        <translation>
            <numerusform>Der Server lehnt die Anfrage auch nach %n Autorisierung ab; Crosstalk hört hier auf (Wiederholungsgrenze).</numerusform>
            <numerusform>Der Server lehnt die Anfrage auch nach %n Autorisierungen ab; Crosstalk hört hier auf (Wiederholungsgrenze).</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the request (HTTP 403) without asking for more scope.</source>
        <translation>Der Server hat die Anfrage abgelehnt (HTTP 403), ohne einen größeren Scope zu verlangen.</translation>
    </message>
    <message>
        <source>The access token was refused; Crosstalk refreshes it.</source>
        <translation>Das Zugriffstoken wurde abgelehnt; Crosstalk aktualisiert es.</translation>
    </message>
    <message>
        <source>resource_metadata URL</source>
        <translation>resource_metadata-URL</translation>
    </message>
    <message>
        <source>The challenge&apos;s resource_metadata is not used</source>
        <translation>resource_metadata der Challenge wird nicht verwendet</translation>
    </message>
    <message>
        <source>No protected-resource metadata was found for %1 (tried %2).</source>
        <translation>Für %1 wurden keine Metadaten der geschützten Ressource gefunden (versucht: %2).</translation>
    </message>
    <message>
        <source>Protected-resource metadata</source>
        <translation>Metadaten der geschützten Ressource</translation>
    </message>
    <message>
        <source>HTTP %1: not here.</source>
        <translation>HTTP %1: nicht hier.</translation>
    </message>
    <message>
        <source>The answer is not JSON.</source>
        <translation>Die Antwort ist kein JSON.</translation>
    </message>
    <message>
        <source>Resource %1; authorization servers: %2; scopes supported: %3</source>
        <translation>Ressource %1; Autorisierungsserver: %2; unterstützte Scopes: %3</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <source>authorization server</source>
        <translation>Autorisierungsserver</translation>
    </message>
    <message>
        <source>The authorization server changed</source>
        <translation>Der Autorisierungsserver hat sich geändert</translation>
    </message>
    <message>
        <source>It was %1 and is now %2: the registration and tokens of the old one are not used with it.</source>
        <translation>Bisher %1, jetzt %2: Die Registrierung und die Tokens des alten Servers werden für den neuen nicht verwendet.</translation>
    </message>
    <message>
        <source>The pre-registered client belongs to %1, but this server now sends Crosstalk to %2; register Crosstalk with the new server.</source>
        <translation>Der vorab registrierte Client gehört zu %1, aber dieser Server verweist Crosstalk jetzt an %2; registrieren Sie Crosstalk beim neuen Server.</translation>
    </message>
    <message>
        <source>No authorization-server metadata was found for %1.</source>
        <translation>Für %1 wurden keine Metadaten des Autorisierungsservers gefunden.</translation>
    </message>
    <message>
        <source>Authorization-server metadata</source>
        <translation>Metadaten des Autorisierungsservers</translation>
    </message>
    <message>
        <source>Issuer %1; PKCE methods: %2; token endpoint authentication: %3; registration: %4</source>
        <translation>Aussteller %1; PKCE-Methoden: %2; Authentifizierung am Token-Endpunkt: %3; Registrierung: %4</translation>
    </message>
    <message>
        <source>client ID metadata documents</source>
        <translation>Client-ID-Metadatendokumente</translation>
    </message>
    <message>
        <source>dynamic</source>
        <translation>dynamisch</translation>
    </message>
    <message>
        <source>(none offered)</source>
        <translation>(keine angeboten)</translation>
    </message>
    <message>
        <source>A kept token for this server is used.</source>
        <translation>Ein aufbewahrtes Token für diesen Server wird verwendet.</translation>
    </message>
    <message>
        <source>The authorization server&apos;s metadata has no authorization_endpoint.</source>
        <translation>Die Metadaten des Autorisierungsservers enthalten kein authorization_endpoint.</translation>
    </message>
    <message>
        <source>The authorization server does not list code_challenge_methods_supported, so it may not support PKCE; Crosstalk does not sign in without it.</source>
        <translation>Der Autorisierungsserver führt code_challenge_methods_supported nicht auf und unterstützt PKCE daher möglicherweise nicht; ohne PKCE meldet sich Crosstalk nicht an.</translation>
    </message>
    <message>
        <source>The authorization server does not support the PKCE method S256 (it lists: %1).</source>
        <translation>Der Autorisierungsserver unterstützt die PKCE-Methode S256 nicht (er führt auf: %1).</translation>
    </message>
    <message>
        <source>Ignored a request</source>
        <translation>Eine Anfrage ignoriert</translation>
    </message>
    <message>
        <source>Pre-registered client</source>
        <translation>Vorab registrierter Client</translation>
    </message>
    <message>
        <source>client_id %1</source>
        <translation>client_id %1</translation>
    </message>
    <message>
        <source>The kept registration is for another redirect URI</source>
        <translation>Die aufbewahrte Registrierung gilt für eine andere Weiterleitungs-URI</translation>
    </message>
    <message>
        <source>Crosstalk registers again for %1.</source>
        <translation>Crosstalk registriert sich erneut für %1.</translation>
    </message>
    <message>
        <source>Registration kept for this issuer</source>
        <translation>Aufbewahrte Registrierung für diesen Aussteller</translation>
    </message>
    <message>
        <source>client_id %1 (%2)</source>
        <translation>client_id %1 (%2)</translation>
    </message>
    <message>
        <source>Client ID metadata document</source>
        <translation>Client-ID-Metadatendokument</translation>
    </message>
    <message>
        <source>The authorization server offers no way for Crosstalk to register (no client ID metadata documents, no registration endpoint): register a client with it and give its client ID.</source>
        <translation>Der Autorisierungsserver bietet Crosstalk keine Möglichkeit, sich zu registrieren (keine Client-ID-Metadatendokumente, kein Registrierungsendpunkt): Registrieren Sie dort einen Client, und geben Sie dessen Client-ID an.</translation>
    </message>
    <message>
        <source>Dynamic client registration</source>
        <translation>Dynamische Client-Registrierung</translation>
    </message>
    <message>
        <source>the answer has no client_id</source>
        <translation>die Antwort enthält keine client_id</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Registration failed: %1</source>
        <translation>Registrierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>client_id %1, token endpoint authentication %2</source>
        <translation>client_id %1, Authentifizierung am Token-Endpunkt: %2</translation>
    </message>
    <message>
        <source>step-up: the scopes asked before and those the server asks for</source>
        <translation>Step-up: die zuvor angefragten Scopes und die, die der Server verlangt</translation>
    </message>
    <message>
        <source>the challenge&apos;s scope</source>
        <translation>scope der Challenge</translation>
    </message>
    <message>
        <source>the resource&apos;s scopes_supported</source>
        <translation>scopes_supported der Ressource</translation>
    </message>
    <message>
        <source>no scope is known, so none is asked for</source>
        <translation>kein Scope ist bekannt, daher wird keiner angefragt</translation>
    </message>
    <message>
        <source>the scopes asked before</source>
        <translation>die zuvor angefragten Scopes</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Sign in in the browser</source>
        <translation>Im Browser anmelden</translation>
    </message>
    <message>
        <source>The system browser opens the authorization URL; it comes back to %1.</source>
        <translation>Der Browser des Systems öffnet die Autorisierungs-URL; von dort geht es zurück zu %1.</translation>
    </message>
    <message>
        <source>Crosstalk cannot open a browser here.</source>
        <translation>Crosstalk kann hier keinen Browser öffnen.</translation>
    </message>
    <message>
        <source>Authorization request (headless)</source>
        <translation>Autorisierungsanfrage (ohne Browser)</translation>
    </message>
    <message>
        <source>The authorization endpoint answered HTTP %1 without a redirect; a headless sign-in needs a server that approves at once.</source>
        <translation>Der Autorisierungsendpunkt hat mit HTTP %1 ohne Weiterleitung geantwortet; eine Anmeldung ohne Browser braucht einen Server, der sofort zustimmt.</translation>
    </message>
    <message>
        <source>Redirected to %1</source>
        <translation>Weitergeleitet an %1</translation>
    </message>
    <message>
        <source>The authorization server redirected to %1, not to Crosstalk&apos;s redirect URI %2.</source>
        <translation>Der Autorisierungsserver hat an %1 weitergeleitet, nicht an die Weiterleitungs-URI %2 von Crosstalk.</translation>
    </message>
    <message>
        <source>Authorization response</source>
        <translation>Autorisierungsantwort</translation>
    </message>
    <message>
        <source>The state in the response is not the one Crosstalk sent.</source>
        <translation>Der state in der Antwort ist nicht der, den Crosstalk gesendet hat.</translation>
    </message>
    <message>
        <source>The response names the issuer “%1”, not “%2”, to which Crosstalk sent the request: it is rejected (RFC 9207), and the code is not used.</source>
        <translation>Die Antwort nennt den Aussteller „%1“, nicht „%2“, an den Crosstalk die Anfrage gesendet hat: Sie wird abgewiesen (RFC 9207), und der Code wird nicht verwendet.</translation>
    </message>
    <message>
        <source>The authorization server says it sends “iss” in its responses, but this one has none: it is rejected (RFC 9207), and the code is not used.</source>
        <translation>Der Autorisierungsserver gibt an, „iss“ in seinen Antworten zu senden, aber diese Antwort enthält keines: Sie wird abgewiesen (RFC 9207), und der Code wird nicht verwendet.</translation>
    </message>
    <message>
        <source>The response has no code.</source>
        <translation>Die Antwort enthält keinen Code.</translation>
    </message>
    <message>
        <source>A code, with the expected state and issuer.</source>
        <translation>Ein Code mit dem erwarteten state und Aussteller.</translation>
    </message>
    <message>
        <source>A code, with the expected state.</source>
        <translation>Ein Code mit dem erwarteten state.</translation>
    </message>
    <message>
        <source>Refresh (%1)</source>
        <translation>Aktualisierung (%1)</translation>
    </message>
    <message>
        <source>Token request (%1)</source>
        <translation>Token-Anfrage (%1)</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>die Antwort ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the answer has no access_token</source>
        <translation>die Antwort enthält kein access_token</translation>
    </message>
    <message>
        <source>the token type is “%1”, not Bearer</source>
        <translation>der Token-Typ ist „%1“, nicht Bearer</translation>
    </message>
    <message>
        <source>The refresh failed: %1</source>
        <translation>Die Aktualisierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The token request failed: %1</source>
        <translation>Die Token-Anfrage ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Authorization stopped</source>
        <translation>Autorisierung abgebrochen</translation>
    </message>
    <message>
        <source>The authorization failed.</source>
        <translation>Die Autorisierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>Nobody completed the sign-in in the browser within %n minute(s).</source>
        <translation>
            <numerusform>Niemand hat die Anmeldung im Browser innerhalb von %n Minute abgeschlossen.</numerusform>
            <numerusform>Niemand hat die Anmeldung im Browser innerhalb von %n Minuten abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The authorization server refused: %1</source>
        <translation>Der Autorisierungsserver hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The authorization server refused: %1 (%2)</source>
        <translation>Der Autorisierungsserver hat abgelehnt: %1 (%2)</translation>
    </message>
    <message>
        <source>Access token received; refresh token: %1; valid until: %2; scopes: %3</source>
        <translation>Zugriffstoken erhalten; Refresh-Token: %1; gültig bis: %2; Scopes: %3</translation>
    </message>
    <message>
        <source>received</source>
        <translation>erhalten</translation>
    </message>
    <message>
        <source>A token the server has not refused is at hand; it is used.</source>
        <translation>Ein Token, das der Server nicht abgelehnt hat, liegt vor; es wird verwendet.</translation>
    </message>
    <message>
        <source>authorization-server metadata URL</source>
        <translation>Metadaten-URL des Autorisierungsservers</translation>
    </message>
    <message>
        <source>No authorization-server metadata was found at %1.</source>
        <translation>Unter %1 wurden keine Metadaten des Autorisierungsservers gefunden.</translation>
    </message>
    <message>
        <source>The metadata names the issuer “%1”, which does not publish its metadata at %2 (RFC 8414, OpenID Connect discovery): it is not trusted.</source>
        <translation>Die Metadaten nennen den Aussteller „%1“, der seine Metadaten nicht unter %2 veröffentlicht (RFC 8414, OpenID Connect Discovery): Ihm wird nicht vertraut.</translation>
    </message>
    <message>
        <source>authorization URL</source>
        <translation>Autorisierungs-URL</translation>
    </message>
    <message>
        <source>token URL</source>
        <translation>Token-URL</translation>
    </message>
    <message>
        <source>Authorization server named by the agent&apos;s card</source>
        <translation>Von der Karte des Agenten genannter Autorisierungsserver</translation>
    </message>
    <message>
        <source>Authorization URL %1; token URL %2; no metadata, so no registration: the client must be registered already.</source>
        <translation>Autorisierungs-URL %1; Token-URL %2; keine Metadaten, daher keine Registrierung: Der Client muss bereits registriert sein.</translation>
    </message>
    <message>
        <source>Token URL %1</source>
        <translation>Token-URL %1</translation>
    </message>
    <message>
        <source>the scopes the agent&apos;s card asks for</source>
        <translation>die Scopes, die die Karte des Agenten verlangt</translation>
    </message>
    <message>
        <source>The client-credentials flow needs the client ID and secret of a client registered with the authorization server.</source>
        <translation>Der Client-Credentials-Flow braucht die Client-ID und das Client-Secret eines beim Autorisierungsserver registrierten Clients.</translation>
    </message>
</context>
<context>
    <name>crosstalk::cli::A2aCardCommand</name>
    <message>
        <source>Fetch an agent&apos;s card, validate it and check its signatures.</source>
        <translation>Die Agent Card eines Agenten abrufen, validieren und ihre Signaturen prüfen.</translation>
    </message>
    <message>
        <source>A public key (PEM) or JWK / JWK Set to verify the card&apos;s signatures with.</source>
        <translation>Ein öffentlicher Schlüssel (PEM) oder JWK / JWK Set, mit dem die Signaturen der Agent Card verifiziert werden.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einziges JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>The agent&apos;s base URL or its card URL.</source>
        <translation>Die Basis-URL des Agenten oder die URL seiner Agent Card.</translation>
    </message>
    <message>
        <source>a2a card takes exactly one URL; see a2a card --help.</source>
        <translation>a2a card erwartet genau eine URL; siehe a2a card --help.</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>Agent Card:</translation>
    </message>
    <message>
        <source>Interfaces:</source>
        <translation>Schnittstellen:</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Fähigkeiten:</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>Streaming</translation>
    </message>
    <message>
        <source>no streaming</source>
        <translation>kein Streaming</translation>
    </message>
    <message>
        <source>push notifications</source>
        <translation>Push-Benachrichtigungen</translation>
    </message>
    <message>
        <source>no push notifications</source>
        <translation>keine Push-Benachrichtigungen</translation>
    </message>
    <message>
        <source>extended card</source>
        <translation>erweiterte Agent Card</translation>
    </message>
    <message>
        <source>Skills:</source>
        <translation>Skills:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>No issues.</source>
        <translation>Keine Probleme.</translation>
    </message>
    <message>
        <source>Issues:</source>
        <translation>Probleme:</translation>
    </message>
</context>
<context>
    <name>crosstalk::cli::A2aTaskCommand</name>
    <message>
        <source>Print JSON: one object per line.</source>
        <translation>JSON ausgeben: ein Objekt pro Zeile.</translation>
    </message>
    <message>
        <source>jsonrpc or http-json (default: the card&apos;s preference).</source>
        <translation>jsonrpc oder http-json (Standard: die von der Agent Card bevorzugte).</translation>
    </message>
    <message>
        <source>1.0 or 0.3 (default: the card&apos;s newest).</source>
        <translation>1.0 oder 0.3 (Standard: die neueste, die die Agent Card nennt).</translation>
    </message>
    <message>
        <source>An extra header, &quot;Name: value&quot;; may repeat.</source>
        <translation>Ein zusätzlicher Header, &quot;Name: value&quot;; mehrfach möglich.</translation>
    </message>
    <message>
        <source>Stream the task&apos;s progress.</source>
        <translation>Den Fortschritt der Aufgabe streamen.</translation>
    </message>
    <message>
        <source>Continue this task (after input-required).</source>
        <translation>Diese Aufgabe fortsetzen (nach input-required).</translation>
    </message>
    <message>
        <source>Send within this context.</source>
        <translation>In diesem Kontext senden.</translation>
    </message>
    <message>
        <source>Add a data part (JSON).</source>
        <translation>Einen Datenteil (JSON) hinzufügen.</translation>
    </message>
    <message>
        <source>Add a file part.</source>
        <translation>Einen Dateiteil hinzufügen.</translation>
    </message>
    <message>
        <source>How many messages of history to ask for.</source>
        <translation>Wie viele Nachrichten des Verlaufs angefordert werden.</translation>
    </message>
    <message>
        <source>Send a message to an agent and follow the task it starts.</source>
        <translation>Eine Nachricht an einen Agenten senden und die Aufgabe verfolgen, die sie startet.</translation>
    </message>
    <message>
        <source>The agent&apos;s base URL or its card URL.</source>
        <translation>Die Basis-URL des Agenten oder die URL seiner Agent Card.</translation>
    </message>
    <message>
        <source>The message text.</source>
        <translation>Der Text der Nachricht.</translation>
    </message>
    <message>
        <source>Show a task.</source>
        <translation>Eine Aufgabe anzeigen.</translation>
    </message>
    <message>
        <source>List the agent&apos;s tasks (A2A v1.0).</source>
        <translation>Die Aufgaben des Agenten auflisten (A2A v1.0).</translation>
    </message>
    <message>
        <source>Cancel a task.</source>
        <translation>Eine Aufgabe abbrechen.</translation>
    </message>
    <message>
        <source>Follow a running task&apos;s progress.</source>
        <translation>Den Fortschritt einer laufenden Aufgabe verfolgen.</translation>
    </message>
    <message numerus="yes">
        <source>This command takes %n argument(s); see --help.</source>
        <translation>
            <numerusform>Dieser Befehl erwartet %n Argument; siehe --help.</numerusform>
            <numerusform>Dieser Befehl erwartet %n Argumente; siehe --help.</numerusform>
        </translation>
    </message>
    <message>
        <source>--binding takes jsonrpc or http-json, not &apos;%1&apos;.</source>
        <translation>--binding erwartet jsonrpc oder http-json, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--a2a-version takes 1.0 or 0.3, not &apos;%1&apos;.</source>
        <translation>--a2a-version erwartet 1.0 oder 0.3, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--header takes &quot;Name: value&quot;, not &apos;%1&apos;.</source>
        <translation>--header erwartet &quot;Name: value&quot;, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--history takes a number of messages, not &apos;%1&apos;.</source>
        <translation>--history erwartet eine Anzahl Nachrichten, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--data is not JSON (at byte %1: %2).</source>
        <translation>--data ist kein JSON (bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>--file %1 cannot be read: %2</source>
        <translation>--file %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The agent&apos;s answer is not a task: %1</source>
        <translation>Die Antwort des Agenten ist keine Aufgabe: %1</translation>
    </message>
    <message>
        <source>task %1 %2</source>
        <translation>Aufgabe %1 %2</translation>
    </message>
    <message>
        <source>message: %1</source>
        <translation>Nachricht: %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>Status %1</translation>
    </message>
    <message>
        <source>artifact %1: %2</source>
        <translation>Artefakt %1: %2</translation>
    </message>
    <message>
        <source>task %1 ended %2</source>
        <translation>Aufgabe %1 endete als %2</translation>
    </message>
    <message>
        <source>protocol issue: %1</source>
        <translation>Protokollproblem: %1</translation>
    </message>
    <message>
        <source>Register a webhook on 127.0.0.1 for the task&apos;s push notifications and report what arrives there until the task ends.</source>
        <translation>Einen Webhook auf 127.0.0.1 für die Push-Benachrichtigungen der Aufgabe anmelden und bis zum Ende der Aufgabe melden, was dort ankommt.</translation>
    </message>
    <message>
        <source>The task&apos;s id.</source>
        <translation>Die ID der Aufgabe.</translation>
    </message>
</context>
<context>
    <name>crosstalk::cli::CredentialCommand</name>
    <message>
        <source>Keep credentials in the operating system&apos;s keychain: set (the secret read from stdin), list, delete.</source>
        <translation>Zugangsdaten im Schlüsselbund des Betriebssystems aufbewahren: set (das Geheimnis wird von stdin gelesen), list, delete.</translation>
    </message>
    <message>
        <source>A bearer token.</source>
        <translation>Ein Bearer-Token.</translation>
    </message>
    <message>
        <source>An API key sent under this name.</source>
        <translation>Ein API-Schlüssel, unter diesem Namen gesendet.</translation>
    </message>
    <message>
        <source>Where the API key goes: header, query or cookie.</source>
        <translation>Wohin der API-Schlüssel kommt: header, query oder cookie.</translation>
    </message>
    <message>
        <source>HTTP basic authentication as this user.</source>
        <translation>HTTP-Basic-Authentifizierung als dieser Benutzer.</translation>
    </message>
    <message>
        <source>list: print one JSON object.</source>
        <translation>list: ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>set NAME, list or delete NAME.</source>
        <translation>set NAME, list oder delete NAME.</translation>
    </message>
    <message>
        <source>credential list takes no arguments.</source>
        <translation>credential list nimmt keine Argumente.</translation>
    </message>
    <message>
        <source>credential delete takes NAME alone.</source>
        <translation>credential delete nimmt nur NAME.</translation>
    </message>
    <message>
        <source>there is no credential named &apos;%1&apos;; see credential list.</source>
        <translation>es gibt keine Zugangsdaten namens &apos;%1&apos;; siehe credential list.</translation>
    </message>
    <message>
        <source>credential needs a verb: set, list or delete; see --help.</source>
        <translation>credential braucht ein Verb: set, list oder delete; siehe --help.</translation>
    </message>
    <message>
        <source>unknown credential verb &apos;%1&apos;; see --help.</source>
        <translation>unbekanntes credential-Verb &apos;%1&apos;; siehe --help.</translation>
    </message>
    <message>
        <source>credential set takes NAME and one of --bearer, --api-key HEADER or --basic USER.</source>
        <translation>credential set nimmt NAME und eines von --bearer, --api-key HEADER oder --basic USER.</translation>
    </message>
    <message>
        <source>credential set takes exactly one of --bearer, --api-key HEADER or --basic USER.</source>
        <translation>credential set nimmt genau eines von --bearer, --api-key HEADER oder --basic USER.</translation>
    </message>
    <message>
        <source>--in takes header, query or cookie, not &apos;%1&apos;.</source>
        <translation>--in nimmt header, query oder cookie, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--in is for --api-key.</source>
        <translation>--in gehört zu --api-key.</translation>
    </message>
</context>
<context>
    <name>crosstalk::cli::McpCommand</name>
    <message>
        <source>Talk to an MCP server: start it, initialize, run one verb.</source>
        <translation>Mit einem MCP-Server sprechen: ihn starten, initialisieren, ein Verb ausführen.</translation>
    </message>
    <message>
        <source>The tool&apos;s or prompt&apos;s arguments as a JSON object.</source>
        <translation>Die Argumente des Werkzeugs oder Prompts als JSON-Objekt.</translation>
    </message>
    <message>
        <source>One argument, read as its schema says (repeatable).</source>
        <translation>Ein Argument, gelesen wie sein Schema es vorgibt (wiederholbar).</translation>
    </message>
    <message>
        <source>A remote server&apos;s URL.</source>
        <translation>Die URL eines entfernten Servers.</translation>
    </message>
    <message>
        <source>auto, streamable-http or sse.</source>
        <translation>auto, streamable-http oder sse.</translation>
    </message>
    <message>
        <source>auto, legacy or modern.</source>
        <translation>auto, legacy oder modern.</translation>
    </message>
    <message>
        <source>An HTTP header (repeatable).</source>
        <translation>Eine HTTP-Kopfzeile (wiederholbar).</translation>
    </message>
    <message>
        <source>An environment variable for a stdio server (repeatable).</source>
        <translation>Eine Umgebungsvariable für einen stdio-Server (wiederholbar).</translation>
    </message>
    <message>
        <source>Answer form elicitations: JSON content, decline or cancel.</source>
        <translation>Antwort auf Formular-Elicitations: JSON-Inhalt, decline oder cancel.</translation>
    </message>
    <message>
        <source>Answer URL elicitations: accept, decline or cancel.</source>
        <translation>Antwort auf URL-Elicitations: accept, decline oder cancel.</translation>
    </message>
    <message>
        <source>Answer sampling requests with this text.</source>
        <translation>Sampling-Anfragen mit diesem Text beantworten.</translation>
    </message>
    <message>
        <source>A root to offer the server (repeatable).</source>
        <translation>Ein Root, das dem Server angeboten wird (wiederholbar).</translation>
    </message>
    <message>
        <source>Write the traffic log as NDJSON.</source>
        <translation>Das Verkehrsprotokoll als NDJSON schreiben.</translation>
    </message>
    <message>
        <source>complete: the prompt.</source>
        <translation>complete: der Prompt.</translation>
    </message>
    <message>
        <source>complete: the resource template.</source>
        <translation>complete: die Ressourcenvorlage.</translation>
    </message>
    <message>
        <source>Print one JSON object.</source>
        <translation>Ein einziges JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <source>Print only errors on stderr.</source>
        <translation>Auf stderr nur Fehler ausgeben.</translation>
    </message>
    <message>
        <source>info, tools, call, resources, templates, read, prompts, prompt, complete or ping.</source>
        <translation>info, tools, call, resources, templates, read, prompts, prompt, complete oder ping.</translation>
    </message>
    <message>
        <source>unknown mcp verb &apos;%1&apos;; see mcp --help.</source>
        <translation>unbekanntes mcp-Verb &apos;%1&apos;; siehe mcp --help.</translation>
    </message>
    <message>
        <source>mcp %1 takes %2 argument(s); see mcp --help.</source>
        <translation>mcp %1 erwartet %2 Argument(e); siehe mcp --help.</translation>
    </message>
    <message>
        <source>mcp complete needs exactly one of --prompt NAME or --template URI.</source>
        <translation>mcp complete braucht genau eine der Optionen --prompt NAME oder --template URI.</translation>
    </message>
    <message>
        <source>--era takes auto, legacy or modern, not &apos;%1&apos;.</source>
        <translation>--era erwartet auto, legacy oder modern, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--elicit-url takes accept, decline or cancel, not &apos;%1&apos;.</source>
        <translation>--elicit-url erwartet accept, decline oder cancel, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--env takes NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--env erwartet NAME=WERT, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>The server answered with error %1: %2</source>
        <translation>Der Server hat mit Fehler %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>The server has no tool named &apos;%1&apos;.</source>
        <translation>Der Server hat kein Werkzeug namens &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--args takes a JSON object.</source>
        <translation>--args erwartet ein JSON-Objekt.</translation>
    </message>
    <message>
        <source>--arg takes name=value, not &apos;%1&apos;.</source>
        <translation>--arg erwartet name=wert, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The arguments do not match the tool&apos;s input schema; nothing was sent.</source>
        <translation>Die Argumente passen nicht zum Eingabeschema des Werkzeugs; es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>warning: the arguments were not checked: %1</source>
        <translation>Warnung: Die Argumente wurden nicht geprüft: %1</translation>
    </message>
    <message>
        <source>The server asks you to open: %1</source>
        <translation>Der Server bittet Sie, Folgendes zu öffnen: %1</translation>
    </message>
    <message>
        <source>warning: --elicit is not a JSON object; the elicitation was declined.</source>
        <translation>Warnung: --elicit ist kein JSON-Objekt; die Elicitation wurde abgelehnt.</translation>
    </message>
    <message>
        <source>--transport takes auto, streamable-http or sse, not &apos;%1&apos;.</source>
        <translation>--transport nimmt auto, streamable-http oder sse, nicht „%1“.</translation>
    </message>
    <message>
        <source>give either --url or a command after --, not both.</source>
        <translation>entweder --url oder einen Befehl nach -- angeben, nicht beides.</translation>
    </message>
    <message>
        <source>give a server: --url URL, or its command after -- (for example: mcp tools -- npx server).</source>
        <translation>einen Server angeben: --url URL oder seinen Befehl nach -- (zum Beispiel: mcp tools -- npx server).</translation>
    </message>
    <message>
        <source>--header and --transport are for remote servers (--url).</source>
        <translation>--header und --transport gelten für entfernte Server (--url).</translation>
    </message>
    <message>
        <source>--env is for stdio servers (a command after --).</source>
        <translation>--env gilt für stdio-Server (ein Befehl nach --).</translation>
    </message>
    <message>
        <source>the modern era (2026-07-28) has no HTTP+SSE transport; use --transport streamable-http.</source>
        <translation>die moderne Ära (2026-07-28) kennt keinen HTTP+SSE-Transport; --transport streamable-http verwenden.</translation>
    </message>
    <message>
        <source>--url takes an http or https URL, not &apos;%1&apos;.</source>
        <translation>--url nimmt eine http- oder https-URL, nicht „%1“.</translation>
    </message>
    <message>
        <source>--header takes &quot;Name: value&quot;, not &apos;%1&apos;.</source>
        <translation>--header nimmt &quot;Name: Wert&quot;, nicht „%1“.</translation>
    </message>
    <message>
        <source>warning: %1 in the input schema refers to another document, which Crosstalk never fetches; what it describes was not checked.</source>
        <translation>Warnung: %1 im Eingabeschema verweist auf ein anderes Dokument, das Crosstalk nie abruft; was es beschreibt, wurde nicht geprüft.</translation>
    </message>
    <message>
        <source>warning: the trace could not be written to %1: %2</source>
        <translation>Warnung: der Mitschnitt konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>warning: the page could not be opened (xdg-open did not start); open it yourself.</source>
        <translation>Warnung: Die Seite ließ sich nicht öffnen (xdg-open startete nicht); bitte selbst öffnen.</translation>
    </message>
    <message>
        <source>--credential is for remote servers (--url); a stdio server takes --env.</source>
        <translation>--credential ist für entfernte Server (--url); ein stdio-Server nimmt --env.</translation>
    </message>
    <message>
        <source>Sign in with OAuth when the server asks (tokens are kept in the keychain under the authorization server&apos;s issuer).</source>
        <translation>Mit OAuth anmelden, wenn der Server danach fragt (Tokens werden im Schlüsselbund unter dem Aussteller des Autorisierungsservers aufbewahrt).</translation>
    </message>
    <message>
        <source>With --oauth: complete the authorization step without a browser (the code is taken from the authorization endpoint&apos;s redirect).</source>
        <translation>Mit --oauth: den Autorisierungsschritt ohne Browser abschließen (der Code wird der Weiterleitung des Autorisierungsendpunkts entnommen).</translation>
    </message>
    <message>
        <source>With --oauth: a client ID registered with the authorization server.</source>
        <translation>Mit --oauth: eine beim Autorisierungsserver registrierte Client-ID.</translation>
    </message>
    <message>
        <source>With --oauth: a Client ID Metadata Document URL to use as the client ID where the server supports them.</source>
        <translation>Mit --oauth: die URL eines Client-ID-Metadatendokuments, die als Client-ID dient, wo der Server solche Dokumente unterstützt.</translation>
    </message>
    <message>
        <source>--oauth-headless, --oauth-client-id and --oauth-client-metadata-url go with --oauth.</source>
        <translation>--oauth-headless, --oauth-client-id und --oauth-client-metadata-url gehören zu --oauth.</translation>
    </message>
    <message>
        <source>--oauth is for remote servers (--url); a stdio server takes its credentials from --env.</source>
        <translation>--oauth ist für entfernte Server (--url); ein stdio-Server bezieht seine Zugangsdaten aus --env.</translation>
    </message>
    <message>
        <source>give either --oauth or --credential, not both.</source>
        <translation>entweder --oauth oder --credential angeben, nicht beides.</translation>
    </message>
    <message>
        <source>--oauth-client-metadata-url takes an https URL with a path, not &apos;%1&apos;.</source>
        <translation>--oauth-client-metadata-url nimmt eine https-URL mit Pfad, nicht &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--oauth needs the Streamable HTTP transport.</source>
        <translation>--oauth braucht den Streamable-HTTP-Transport.</translation>
    </message>
    <message>
        <source>--oauth keeps tokens in the keychain: %1</source>
        <translation>--oauth bewahrt Tokens im Schlüsselbund auf: %1</translation>
    </message>
    <message>
        <source>Sign in at: %1</source>
        <translation>Anmelden unter: %1</translation>
    </message>
    <message>
        <source>warning: the browser could not be opened (xdg-open did not start); open the address yourself.</source>
        <translation>Warnung: Der Browser ließ sich nicht öffnen (xdg-open startete nicht); bitte die Adresse selbst öffnen.</translation>
    </message>
</context>
<context>
    <name>crosstalk::cli::McpConformanceCommand</name>
    <message>
        <source>usage: crosstalk-cli mcp-conformance URL
The client the MCP conformance suite drives; it reads MCP_CONFORMANCE_SCENARIO,
MCP_CONFORMANCE_PROTOCOL_VERSION and MCP_CONFORMANCE_CONTEXT.</source>
        <translation>Aufruf: crosstalk-cli mcp-conformance URL
Der Client, den die MCP-Konformitätssuite steuert; er liest MCP_CONFORMANCE_SCENARIO,
MCP_CONFORMANCE_PROTOCOL_VERSION und MCP_CONFORMANCE_CONTEXT.</translation>
    </message>
    <message>
        <source>mcp-conformance takes the server&apos;s http or https URL, not &apos;%1&apos;.</source>
        <translation>mcp-conformance nimmt die http- oder https-URL des Servers, nicht „%1“.</translation>
    </message>
    <message>
        <source>scenario %1, protocol version %2</source>
        <translation>Szenario %1, Protokollversion %2</translation>
    </message>
    <message>
        <source>connected: %1 era, MCP %2, %3</source>
        <translation>verbunden: Ära %1, MCP %2, %3</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>tools/list failed: %1</source>
        <translation>tools/list fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>tools/list: %1 tool(s)</source>
        <translation>tools/list: %1 Werkzeug(e)</translation>
    </message>
    <message>
        <source>tools/call %1: skipped, the schema&apos;s own proposal does not satisfy it (%2)</source>
        <translation>tools/call %1: übersprungen, der eigene Vorschlag des Schemas erfüllt es nicht (%2)</translation>
    </message>
    <message>
        <source>resources/list failed: %1</source>
        <translation>resources/list fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>resources/list: %1 resource(s)</source>
        <translation>resources/list: %1 Ressource(n)</translation>
    </message>
    <message>
        <source>resources/read %1: %2</source>
        <translation>resources/read %1: %2</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>prompts/list failed: %1</source>
        <translation>prompts/list fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>prompts/list: %1 prompt(s)</source>
        <translation>prompts/list: %1 Prompt(s)</translation>
    </message>
    <message>
        <source>prompts/get %1: %2</source>
        <translation>prompts/get %1: %2</translation>
    </message>
    <message>
        <source>tools/call %1 failed: %2</source>
        <translation>tools/call %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>tools/call %1: %2</source>
        <translation>tools/call %1: %2</translation>
    </message>
    <message>
        <source>tool error</source>
        <translation>Werkzeugfehler</translation>
    </message>
    <message>
        <source>%1 request(s) failed.</source>
        <translation>%1 Anfrage(n) fehlgeschlagen.</translation>
    </message>
    <message>
        <source>server asks: %1</source>
        <translation>der Server fragt: %1</translation>
    </message>
    <message>
        <source>the server asks to open %1 (not opened)</source>
        <translation>der Server bittet, %1 zu öffnen (nicht geöffnet)</translation>
    </message>
</context>
<context>
    <name>crosstalk::cli::TerminalAnswers</name>
    <message>
        <source>one or more, separated by commas</source>
        <translation>eines oder mehrere, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>a list, separated by commas</source>
        <translation>eine Liste, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>a number or a value</source>
        <translation>eine Nummer oder ein Wert</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <source>“%1” is not one of the choices.</source>
        <translation>„%1“ ist keine der Möglichkeiten.</translation>
    </message>
    <message>
        <source>Choose one of the numbers shown.</source>
        <translation>Bitte eine der angezeigten Nummern wählen.</translation>
    </message>
    <message>
        <source>Answer yes or no.</source>
        <translation>Bitte mit ja oder nein antworten.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>„%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>Type the value as JSON.</source>
        <translation>Bitte den Wert als JSON eingeben.</translation>
    </message>
    <message>
        <source>The value does not fit the field.</source>
        <translation>Der Wert passt nicht zum Feld.</translation>
    </message>
    <message>
        <source>The server asks for input: %1</source>
        <translation>Der Server bittet um Eingaben: %1</translation>
    </message>
    <message>
        <source>Answer it? [a]ccept, [d]ecline or [c]ancel: </source>
        <translation>Beantworten? [a] annehmen, [d] ablehnen oder [c] abbrechen: </translation>
    </message>
    <message>
        <source> (required)</source>
        <translation> (Pflichtfeld)</translation>
    </message>
    <message>
        <source>    An answer is required.</source>
        <translation>    Eine Antwort ist nötig.</translation>
    </message>
    <message>
        <source>The server asks you to open a page: %1
  URL: %2
  Domain: %3</source>
        <translation>Der Server bittet, eine Seite zu öffnen: %1
  URL: %2
  Domain: %3</translation>
    </message>
    <message>
        <source>Open it and accept? [y]es, [n]o (decline) or [c]ancel: </source>
        <translation>Öffnen und annehmen? [y] ja, [n] nein (ablehnen) oder [c] abbrechen: </translation>
    </message>
    <message>
        <source>The server asks for a model&apos;s reply (sampling). The conversation so far:</source>
        <translation>Der Server bittet um die Antwort eines Modells (Sampling). Das bisherige Gespräch:</translation>
    </message>
    <message>
        <source>  system: %1</source>
        <translation>  System: %1</translation>
    </message>
    <message>
        <source>Reply as the model (an empty line declines): </source>
        <translation>Antwort als Modell (eine leere Zeile lehnt ab): </translation>
    </message>
    <message>
        <source>The server asks for roots: the folders it may work in.</source>
        <translation>Der Server bittet um Roots: die Ordner, in denen er arbeiten darf.</translation>
    </message>
    <message>
        <source>A folder (path or file: URI; an empty line ends the list): </source>
        <translation>Ein Ordner (Pfad oder file:-URI; eine leere Zeile beendet die Liste): </translation>
    </message>
    <message>
        <source>    “%1” is neither a path nor a file: URI.</source>
        <translation>    „%1“ ist weder ein Pfad noch eine file:-URI.</translation>
    </message>
</context>
<context>
    <name>crosstalk::http::Http1Connection</name>
    <message>
        <source>The header “%1” holds a line break or is not a header name; the request was not sent.</source>
        <translation>Die Kopfzeile „%1“ enthält einen Zeilenumbruch oder ist kein Kopfzeilenname; die Anfrage wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>TLS is not available on this system.</source>
        <translation>TLS ist auf diesem System nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>crosstalk::http::HttpReply</name>
    <message>
        <source>Could not connect to %1 and send the request within %2 ms.</source>
        <translation>Innerhalb von %2 ms konnte keine Verbindung zu %1 aufgebaut und die Anfrage nicht gesendet werden.</translation>
    </message>
    <message>
        <source>No data from %1 for %2 ms.</source>
        <translation>Seit %2 ms keine Daten von %1.</translation>
    </message>
    <message>
        <source>Not an http or https URL: %1</source>
        <translation>Keine http- oder https-URL: %1</translation>
    </message>
    <message>
        <source>The response from %1 is %2 bytes, more than the limit of %3 bytes.</source>
        <translation>Die Antwort von %1 ist %2 Bytes groß und damit größer als die Grenze von %3 Bytes.</translation>
    </message>
    <message>
        <source>The response from %1 grew past the limit of %2 bytes; it was stopped.</source>
        <translation>Die Antwort von %1 ist über die Grenze von %2 Bytes gewachsen und wurde abgebrochen.</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>TLS mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>The request to %1 was cancelled.</source>
        <translation>Die Anfrage an %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 %2 failed: the server sent no response.</source>
        <translation>%1 %2 fehlgeschlagen: Der Server hat keine Antwort gesendet.</translation>
    </message>
</context>
<context>
    <name>crosstalk::jsonrpc::Decoder</name>
    <message>
        <source>Input of %1 bytes is larger than the limit of %2 bytes (at byte %2)</source>
        <translation>Die Eingabe ist mit %1 Bytes größer als die Grenze von %2 Bytes (bei Byte %2)</translation>
    </message>
    <message>
        <source>Not JSON at byte %1: %2</source>
        <translation>Kein JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>Nested deeper than %1 levels (at %2)</source>
        <translation>Tiefer als %1 Ebenen verschachtelt (bei %2)</translation>
    </message>
    <message>
        <source>Expected a JSON object or array at the top level, found %1</source>
        <translation>Auf oberster Ebene wurde ein JSON-Objekt oder -Array erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>Expected a JSON object at the top level, found %1</source>
        <translation>Auf oberster Ebene wurde ein JSON-Objekt erwartet, aber %1 gefunden</translation>
    </message>
    <message>
        <source>Expected a JSON object at the top level, found a batch (an array)</source>
        <translation>Auf oberster Ebene wurde ein JSON-Objekt erwartet, aber ein Batch (ein Array) gefunden</translation>
    </message>
    <message>
        <source>The batch at the top level is empty</source>
        <translation>Der Batch auf oberster Ebene ist leer</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>Expected a JSON object in the batch, found %2 (at %1)</source>
        <translation>Im Batch wurde ein JSON-Objekt erwartet, aber %2 gefunden (bei %1)</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; is missing; it must be &quot;2.0&quot; (at %1)</source>
        <translation>&quot;jsonrpc&quot; fehlt; es muss &quot;2.0&quot; sein (bei %1)</translation>
    </message>
    <message>
        <source>&quot;jsonrpc&quot; must be the string &quot;2.0&quot;, found %2 (at %1)</source>
        <translation>&quot;jsonrpc&quot; muss die Zeichenkette &quot;2.0&quot; sein, ist aber %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;id&quot; does not fit in a 64-bit signed integer: %2 (at %1)</source>
        <translation>&quot;id&quot; passt nicht in eine vorzeichenbehaftete 64-Bit-Ganzzahl: %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a string, an integer or null, found %2 (at %1)</source>
        <translation>&quot;id&quot; muss eine Zeichenkette, eine Ganzzahl oder null sein, ist aber %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;method&quot; must be a string, found %2 (at %1)</source>
        <translation>&quot;method&quot; muss eine Zeichenkette sein, ist aber %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;method&quot; is empty (at %1)</source>
        <translation>&quot;method&quot; ist leer (bei %1)</translation>
    </message>
    <message>
        <source>&quot;params&quot; must be an object or an array, found %2 (at %1)</source>
        <translation>&quot;params&quot; muss ein Objekt oder ein Array sein, ist aber %2 (bei %1)</translation>
    </message>
    <message>
        <source>A response has &quot;result&quot; or &quot;error&quot;, not both (at %1)</source>
        <translation>Eine Antwort hat &quot;result&quot; oder &quot;error&quot;, nicht beides (bei %1)</translation>
    </message>
    <message>
        <source>A message with an &quot;id&quot; needs &quot;method&quot;, &quot;result&quot; or &quot;error&quot; (at %1)</source>
        <translation>Eine Nachricht mit &quot;id&quot; braucht &quot;method&quot;, &quot;result&quot; oder &quot;error&quot; (bei %1)</translation>
    </message>
    <message>
        <source>A message without &quot;id&quot;, &quot;result&quot; or &quot;error&quot; needs &quot;method&quot; (at %1)</source>
        <translation>Eine Nachricht ohne &quot;id&quot;, &quot;result&quot; oder &quot;error&quot; braucht &quot;method&quot; (bei %1)</translation>
    </message>
    <message>
        <source>A response needs an &quot;id&quot;, null when the request&apos;s is unknown (at %1)</source>
        <translation>Eine Antwort braucht eine &quot;id&quot;, null, wenn die der Anfrage unbekannt ist (bei %1)</translation>
    </message>
    <message>
        <source>&quot;error&quot; must be an object, found %2 (at %1)</source>
        <translation>&quot;error&quot; muss ein Objekt sein, ist aber %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;error&quot; needs an integer &quot;code&quot; (at %1)</source>
        <translation>&quot;error&quot; braucht einen ganzzahligen &quot;code&quot; (bei %1)</translation>
    </message>
    <message>
        <source>&quot;code&quot; must be an integer, found %2 (at %1)</source>
        <translation>&quot;code&quot; muss eine Ganzzahl sein, ist aber %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;code&quot; does not fit in a 32-bit integer: %2 (at %1)</source>
        <translation>&quot;code&quot; passt nicht in eine 32-Bit-Ganzzahl: %2 (bei %1)</translation>
    </message>
    <message>
        <source>&quot;error&quot; needs a string &quot;message&quot; (at %1)</source>
        <translation>&quot;error&quot; braucht eine Zeichenkette &quot;message&quot; (bei %1)</translation>
    </message>
    <message>
        <source>&quot;message&quot; must be a string, found %2 (at %1)</source>
        <translation>&quot;message&quot; muss eine Zeichenkette sein, ist aber %2 (bei %1)</translation>
    </message>
</context>
<context>
    <name>crosstalk::jsonrpc::ErrorCode</name>
    <message>
        <source>Parse error</source>
        <translation>Fehler beim Parsen</translation>
    </message>
    <message>
        <source>Invalid Request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <source>Method not found</source>
        <translation>Methode nicht gefunden</translation>
    </message>
    <message>
        <source>Invalid params</source>
        <translation>Ungültige Parameter</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Serverfehler</translation>
    </message>
</context>
<context>
    <name>crosstalk::mcp::McpCatalog</name>
    <message>
        <source>An icon of “%1” in %2 was left out: Crosstalk shows only https: and data: icons, not “%3”.</source>
        <translation>Ein Icon von „%1“ in %2 wurde weggelassen: Crosstalk zeigt nur https:- und data:-Icons, nicht „%3“.</translation>
    </message>
    <message>
        <source>The server sent an update for a resource nobody subscribed to (%1).</source>
        <translation>Der Server meldete eine Änderung an einer Ressource, die niemand abonniert hat (%1).</translation>
    </message>
    <message>
        <source>The server did not agree to send updates for this resource.</source>
        <translation>Der Server hat nicht zugesagt, Änderungen dieser Ressource zu melden.</translation>
    </message>
    <message>
        <source>Unsubscribing from %1 failed: %2</source>
        <translation>Das Abbestellen von %1 schlug fehl: %2</translation>
    </message>
    <message>
        <source>Crosstalk listens with another filter.</source>
        <translation>Crosstalk lauscht mit einem anderen Filter.</translation>
    </message>
    <message>
        <source>The server ended the stream of changes.</source>
        <translation>Der Server hat den Strom der Änderungen beendet.</translation>
    </message>
</context>
<context>
    <name>crosstalk::mcp::McpSession</name>
    <message>
        <source>The server refused to initialize: %1</source>
        <translation>Der Server hat die Initialisierung abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to initialize has no protocol version.</source>
        <translation>Die Antwort des Servers auf initialize enthält keine Protokollversion.</translation>
    </message>
    <message>
        <source>The server speaks MCP %1, which Crosstalk does not (it speaks %2).</source>
        <translation>Der Server spricht MCP %1, das Crosstalk nicht beherrscht (Crosstalk spricht %2).</translation>
    </message>
    <message>
        <source>The connection to the server is closed.</source>
        <translation>Die Verbindung zum Server ist geschlossen.</translation>
    </message>
    <message>
        <source>The server did not answer %1 within %2 ms.</source>
        <translation>Der Server hat %1 nicht innerhalb von %2 ms beantwortet.</translation>
    </message>
    <message>
        <source>The connection to the server ended before it answered %1.</source>
        <translation>Die Verbindung zum Server endete, bevor er %1 beantwortet hat.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 has no “%2” list.</source>
        <translation>Die Antwort des Servers auf %1 enthält keine Liste „%2“.</translation>
    </message>
    <message>
        <source>The server&apos;s %1 pages loop: the cursor “%2” came back.</source>
        <translation>Die Seiten von %1 des Servers laufen im Kreis: Der Cursor „%2“ kam erneut.</translation>
    </message>
    <message>
        <source>The server&apos;s %1 answer has a nextCursor that is not a string.</source>
        <translation>Die Antwort des Servers auf %1 hat einen nextCursor, der keine Zeichenkette ist.</translation>
    </message>
    <message>
        <source>The server answered a request Crosstalk did not send (id %1).</source>
        <translation>Der Server hat eine Anfrage beantwortet, die Crosstalk nicht gesendet hat (ID %1).</translation>
    </message>
    <message>
        <source>The server reported an error about no request: %1</source>
        <translation>Der Server meldete einen Fehler zu keiner Anfrage: %1</translation>
    </message>
    <message>
        <source>The server answered a request Crosstalk did not send (id %1) with an error.</source>
        <translation>Der Server hat eine Anfrage, die Crosstalk nicht gesendet hat (ID %1), mit einem Fehler beantwortet.</translation>
    </message>
    <message>
        <source>The server reported progress for a token Crosstalk did not give (%1).</source>
        <translation>Der Server meldete Fortschritt zu einem Token, das Crosstalk nicht vergeben hat (%1).</translation>
    </message>
    <message>
        <source>The connection closed before the server initialized.</source>
        <translation>Die Verbindung wurde geschlossen, bevor der Server initialisiert war.</translation>
    </message>
    <message>
        <source>The server did not start and answer within %1 ms.</source>
        <translation>Der Server ist nicht innerhalb von %1 ms gestartet und hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>The server refused the log level: %1</source>
        <translation>Der Server hat die Protokollstufe abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s answer to server/discover has no supportedVersions.</source>
        <translation>Die Antwort des Servers auf server/discover enthält keine supportedVersions.</translation>
    </message>
    <message>
        <source>The server does not speak MCP %1 (it speaks %2).</source>
        <translation>Der Server spricht MCP %1 nicht (er spricht %2).</translation>
    </message>
    <message>
        <source>no version it named</source>
        <translation>keine genannte Version</translation>
    </message>
    <message>
        <source>The server refused server/discover: %1</source>
        <translation>Der Server hat server/discover abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server does not answer as an MCP %1 server: %2</source>
        <translation>Der Server antwortet nicht wie ein MCP-%1-Server: %2</translation>
    </message>
    <message>
        <source>The server lost the session and did not initialize again: %1</source>
        <translation>Der Server hat die Sitzung verloren und sich nicht erneut initialisieren lassen: %1</translation>
    </message>
    <message>
        <source>The server lost the session at once.</source>
        <translation>Der Server hat die Sitzung sofort verloren.</translation>
    </message>
    <message>
        <source>The server lost the session again; Crosstalk stopped initializing anew after three times.</source>
        <translation>Der Server hat die Sitzung erneut verloren; Crosstalk hat nach drei Neuinitialisierungen aufgehört.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 has a resultType that is not a string.</source>
        <translation>Die Antwort des Servers auf %1 hat einen resultType, der keine Zeichenkette ist.</translation>
    </message>
    <message>
        <source>The server&apos;s answer to %1 has the unknown resultType “%2”.</source>
        <translation>Die Antwort des Servers auf %1 hat den unbekannten resultType „%2“.</translation>
    </message>
    <message>
        <source>The server asked for input more than %1 times for one %2; Crosstalk stopped.</source>
        <translation>Der Server hat für ein einziges %2 mehr als %1-mal nach Eingaben gefragt; Crosstalk hat aufgehört.</translation>
    </message>
    <message>
        <source>The server&apos;s input_required answer to %1 has neither inputRequests nor a requestState of the right shape.</source>
        <translation>Die input_required-Antwort des Servers auf %1 enthält weder inputRequests noch einen requestState in der richtigen Form.</translation>
    </message>
    <message>
        <source>Crosstalk did not give the input “%1”: %2</source>
        <translation>Crosstalk hat die Eingabe „%1“ nicht geliefert: %2</translation>
    </message>
    <message>
        <source>The tool “%1” is left out: %2</source>
        <translation>Das Werkzeug „%1“ wird ausgelassen: %2</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>crosstalk::mcp::McpToolCall</name>
    <message>
        <source>The call was abandoned.</source>
        <translation>Der Aufruf wurde aufgegeben.</translation>
    </message>
    <message>
        <source>The connection to the server is closed.</source>
        <translation>Die Verbindung zum Server ist geschlossen.</translation>
    </message>
    <message>
        <source>Cancelled in Crosstalk.</source>
        <translation>In Crosstalk abgebrochen.</translation>
    </message>
    <message>
        <source>The task %1 was cancelled.</source>
        <translation>Die Aufgabe %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Crosstalk asked to cancel the task %1; the server answered: %2</source>
        <translation>Crosstalk bat, die Aufgabe %1 abzubrechen; der Server antwortete: %2</translation>
    </message>
    <message>
        <source>The server&apos;s answer to tools/call is not an object.</source>
        <translation>Die Antwort des Servers auf tools/call ist kein Objekt.</translation>
    </message>
    <message>
        <source>The server made a task of the call but gave it no taskId.</source>
        <translation>Der Server machte aus dem Aufruf eine Aufgabe, gab ihr aber keine taskId.</translation>
    </message>
    <message>
        <source>The task %1 has the unknown status “%2”.</source>
        <translation>Die Aufgabe %1 hat den unbekannten Status „%2“.</translation>
    </message>
    <message>
        <source>The task %1 completed without a result object.</source>
        <translation>Die Aufgabe %1 endete ohne Ergebnisobjekt.</translation>
    </message>
    <message>
        <source>The server cancelled the task %1.</source>
        <translation>Der Server hat die Aufgabe %1 abgebrochen.</translation>
    </message>
    <message>
        <source>The server cancelled the task %1: %2</source>
        <translation>Der Server hat die Aufgabe %1 abgebrochen: %2</translation>
    </message>
    <message>
        <source>The task %1 did not end within its time to live of %2 ms.</source>
        <translation>Die Aufgabe %1 endete nicht innerhalb ihrer Lebensdauer von %2 ms.</translation>
    </message>
    <message>
        <source>The result of the task %1 is not an object.</source>
        <translation>Das Ergebnis der Aufgabe %1 ist kein Objekt.</translation>
    </message>
    <message>
        <source>the tool has an output schema but gave no structuredContent</source>
        <translation>das Werkzeug hat ein Ausgabeschema, lieferte aber kein structuredContent</translation>
    </message>
</context>
<context>
    <name>crosstalk::mcp::SseTransport</name>
    <message>
        <source>The server sent a second endpoint event; the first one stays.</source>
        <translation>Der Server hat ein zweites endpoint-Ereignis gesendet; das erste gilt weiter.</translation>
    </message>
    <message>
        <source>The server&apos;s endpoint event names “%1”, which is not on the origin of %2; Crosstalk does not post there.</source>
        <translation>Das endpoint-Ereignis des Servers nennt „%1“, das nicht zum Ursprung von %2 gehört; Crosstalk sendet nicht dorthin.</translation>
    </message>
    <message>
        <source>The server sent an event that is not a JSON-RPC message (%1).</source>
        <translation>Der Server hat ein Ereignis gesendet, das keine JSON-RPC-Nachricht ist (%1).</translation>
    </message>
    <message>
        <source>The connection to the server is closed.</source>
        <translation>Die Verbindung zum Server ist geschlossen.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2 to a posted message: %3</source>
        <translation>Der Server hat auf eine gesendete Nachricht mit HTTP %1 %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>The server&apos;s event stream failed: %1</source>
        <translation>Der Ereignisstrom des Servers ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2 to the event-stream GET%3</source>
        <translation>Der Server hat auf das GET des Ereignisstroms mit HTTP %1 %2 geantwortet%3</translation>
    </message>
    <message>
        <source>The server&apos;s event stream ended without an endpoint event.</source>
        <translation>Der Ereignisstrom des Servers endete ohne endpoint-Ereignis.</translation>
    </message>
    <message>
        <source>The server closed the event stream.</source>
        <translation>Der Server hat den Ereignisstrom geschlossen.</translation>
    </message>
</context>
<context>
    <name>crosstalk::mcp::StdioTransport</name>
    <message>
        <source>The server wrote a line of more than %1 MiB to stdout; the connection was closed.</source>
        <translation>Der Server hat eine Zeile von mehr als %1 MiB auf stdout geschrieben; die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>The server wrote a line to stdout that is not a JSON-RPC message (%1): “%2”</source>
        <translation>Der Server hat eine Zeile auf stdout geschrieben, die keine JSON-RPC-Nachricht ist (%1): „%2“</translation>
    </message>
    <message>
        <source>The server (%1) crashed.</source>
        <translation>Der Server (%1) ist abgestürzt.</translation>
    </message>
    <message>
        <source>The server (%1) exited with code %2.</source>
        <translation>Der Server (%1) wurde mit Code %2 beendet.</translation>
    </message>
    <message>
        <source>Could not start the server (%1): %2</source>
        <translation>Der Server (%1) konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>crosstalk::mcp::StreamableHttpTransport</name>
    <message>
        <source>“%1” is not an http or https URL.</source>
        <translation>„%1“ ist keine http- oder https-URL.</translation>
    </message>
    <message>
        <source>The connection to the server is closed.</source>
        <translation>Die Verbindung zum Server ist geschlossen.</translation>
    </message>
    <message>
        <source>The server gave a session id that is not visible ASCII; it is ignored.</source>
        <translation>Der Server hat eine Sitzungs-ID aus nicht sichtbarem ASCII vergeben; sie wird ignoriert.</translation>
    </message>
    <message>
        <source>The server&apos;s answer is larger than %1 MiB; it was stopped.</source>
        <translation>Die Antwort des Servers ist größer als %1 MiB; sie wurde abgebrochen.</translation>
    </message>
    <message>
        <source>an event</source>
        <translation>ein Ereignis</translation>
    </message>
    <message>
        <source>The server sent %1 that is not a JSON-RPC message (%2): “%3”</source>
        <translation>Der Server hat %1 gesendet, das keine JSON-RPC-Nachricht ist (%2): „%3“</translation>
    </message>
    <message>
        <source>The server&apos;s event stream ended before it answered.</source>
        <translation>Der Ereignisstrom des Servers endete, bevor er geantwortet hat.</translation>
    </message>
    <message>
        <source>The server&apos;s event stream broke before it answered: %1</source>
        <translation>Der Ereignisstrom des Servers brach ab, bevor er geantwortet hat: %1</translation>
    </message>
    <message>
        <source>an answer</source>
        <translation>eine Antwort</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 with no JSON-RPC response.</source>
        <translation>Der Server hat mit HTTP %1 ohne JSON-RPC-Antwort geantwortet.</translation>
    </message>
    <message>
        <source>The server&apos;s HTTP answer holds no response to the request.</source>
        <translation>Die HTTP-Antwort des Servers enthält keine Antwort auf die Anfrage.</translation>
    </message>
    <message>
        <source>The server refused the stream for its own messages: HTTP %1 %2</source>
        <translation>Der Server hat den Strom für seine eigenen Nachrichten abgelehnt: HTTP %1 %2</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2.</source>
        <translation>Der Server hat mit HTTP %1 %2 geantwortet.</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 %2: %3</source>
        <translation>Der Server hat mit HTTP %1 %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>The server refused a message: %1</source>
        <translation>Der Server hat eine Nachricht abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server&apos;s event stream broke and could not be resumed (%1 attempts brought nothing).</source>
        <translation>Der Ereignisstrom des Servers brach ab und ließ sich nicht fortsetzen (%1 Versuche brachten nichts).</translation>
    </message>
    <message>
        <source>Not authorized: %1</source>
        <translation>Nicht autorisiert: %1</translation>
    </message>
</context>
<context>
    <name>crosstalk::traffic::TrafficLog</name>
    <message>
        <source>Not decoded as JSON-RPC: the body is larger than %1 MiB.</source>
        <translation>Nicht als JSON-RPC dekodiert: Der Inhalt ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>The traffic log cannot be exported: the output is not open for writing.</source>
        <translation>Das Verkehrsprotokoll kann nicht exportiert werden: Die Ausgabe ist nicht zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <source>Entry %1 of the traffic log could not be exported: %2</source>
        <translation>Eintrag %1 des Verkehrsprotokolls konnte nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>Writing the traffic log failed: %1</source>
        <translation>Das Schreiben des Verkehrsprotokolls ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::AboutDialog</name>
    <message>
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <source>Version %1, running on Qt %2</source>
        <translation>Version %1, läuft mit Qt %2</translation>
    </message>
    <message>
        <source>A desktop inspector and playground for A2A agents and MCP servers.</source>
        <translation>Ein Desktop-Werkzeug zum Untersuchen und Ausprobieren von A2A-Agenten und MCP-Servern.</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>This application</source>
        <translation>Diese Anwendung</translation>
    </message>
    <message>
        <source>User interface and networking</source>
        <translation>Benutzeroberfläche und Netzwerk</translation>
    </message>
    <message>
        <source>Access to the system keychain</source>
        <translation>Zugriff auf den Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>JSON parsing</source>
        <translation>JSON-Verarbeitung</translation>
    </message>
    <message>
        <source>JSON Schema validation</source>
        <translation>Validierung mit JSON Schema</translation>
    </message>
    <message>
        <source>TLS connections</source>
        <translation>TLS-Verbindungen</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Fast reading of streamed JSON</source>
        <translation>Schnelles Lesen von gestreamtem JSON</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::AddAgentDialog</name>
    <message>
        <source>Add an agent</source>
        <translation>Einen Agenten hinzufügen</translation>
    </message>
    <message>
        <source>the name on its card</source>
        <translation>der Name auf seiner Karte</translation>
    </message>
    <message>
        <source>The agent&apos;s address, or the address of its card. Crosstalk looks for the card at /.well-known/agent-card.json, then at the older agent.json.</source>
        <translation>Die Adresse des Agenten oder die seiner Karte. Crosstalk sucht die Karte unter /.well-known/agent-card.json, dann unter dem älteren agent.json.</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Type the agent&apos;s URL.</source>
        <translation>Bitte die URL des Agenten eingeben.</translation>
    </message>
    <message>
        <source>This is not a URL: %1</source>
        <translation>Das ist keine URL: %1</translation>
    </message>
    <message>
        <source>Agents are reached over http or https, not “%1”.</source>
        <translation>Agenten erreicht man über http oder https, nicht über „%1“.</translation>
    </message>
    <message>
        <source>The URL has no host.</source>
        <translation>Die URL hat keinen Host.</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::AgentCardView</name>
    <message>
        <source>⚠ This text holds hidden characters that change how it reads; they are shown as ⟦U+…⟧.</source>
        <translation>⚠ Dieser Text enthält versteckte Zeichen, die ändern, wie er sich liest; sie werden als ⟦U+…⟧ gezeigt.</translation>
    </message>
    <message>
        <source>A2A version unknown</source>
        <translation>A2A-Version unbekannt</translation>
    </message>
    <message>
        <source>API key in the %1 “%2”</source>
        <translation>API-Schlüssel im %1 „%2“</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 (%2)</source>
        <translation>HTTP %1 (%2)</translation>
    </message>
    <message>
        <source>OAuth 2</source>
        <translation>OAuth 2</translation>
    </message>
    <message>
        <source>OpenID Connect: %1</source>
        <translation>OpenID Connect: %1</translation>
    </message>
    <message>
        <source>Mutual TLS</source>
        <translation>Gegenseitiges TLS</translation>
    </message>
    <message>
        <source>unknown scheme</source>
        <translation>unbekanntes Verfahren</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Wird aufbereitet …</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>signiert</translation>
    </message>
    <message>
        <source>Checking the signature…</source>
        <translation>Die Signatur wird geprüft …</translation>
    </message>
    <message>
        <source>Card read from %1</source>
        <translation>Karte gelesen von %1</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>Streaming</translation>
    </message>
    <message>
        <source>push notifications</source>
        <translation>Push-Benachrichtigungen</translation>
    </message>
    <message>
        <source>extended card</source>
        <translation>erweiterte Karte</translation>
    </message>
    <message>
        <source>extensions</source>
        <translation>Erweiterungen</translation>
    </message>
    <message numerus="yes">
        <source>%n extension(s)</source>
        <translation>
            <numerusform>%n Erweiterung</numerusform>
            <numerusform>%n Erweiterungen</numerusform>
        </translation>
    </message>
    <message>
        <source>required extension %1: %2</source>
        <translation>nötige Erweiterung %1: %2</translation>
    </message>
    <message>
        <source>extension %1: %2</source>
        <translation>Erweiterung %1: %2</translation>
    </message>
    <message>
        <source>Interfaces</source>
        <translation>Schnittstellen</translation>
    </message>
    <message>
        <source>The card names no interface.</source>
        <translation>Die Karte nennt keine Schnittstelle.</translation>
    </message>
    <message>
        <source>  (A2A %1)</source>
        <translation>  (A2A %1)</translation>
    </message>
    <message>
        <source>  tenant %1</source>
        <translation>  Mandant %1</translation>
    </message>
    <message>
        <source>Skills (%1)</source>
        <translation>Skills (%1)</translation>
    </message>
    <message>
        <source>In: %1   Out: %2</source>
        <translation>Ein: %1   Aus: %2</translation>
    </message>
    <message>
        <source>Put this example into the message composer</source>
        <translation>Dieses Beispiel in das Nachrichtenfeld übernehmen</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>The card declares no security scheme.</source>
        <translation>Die Karte erklärt kein Sicherheitsverfahren.</translation>
    </message>
    <message>
        <source>Requires: %1</source>
        <translation>Verlangt: %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Select its place in the raw JSON</source>
        <translation>Seine Stelle im rohen JSON markieren</translation>
    </message>
    <message>
        <source>The card is valid for the version it claims.</source>
        <translation>Die Karte ist gültig für die Version, die sie angibt.</translation>
    </message>
    <message>
        <source>Issues (%1)</source>
        <translation>Befunde (%1)</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <source>✓ Signature verified</source>
        <translation>✓ Signatur bestätigt</translation>
    </message>
    <message>
        <source>✗ Signature invalid</source>
        <translation>✗ Signatur ungültig</translation>
    </message>
    <message>
        <source>Signature not verifiable</source>
        <translation>Signatur nicht prüfbar</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <source>Public card</source>
        <translation>Öffentliche Karte</translation>
    </message>
    <message>
        <source>Extended card</source>
        <translation>Erweiterte Karte</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Sign in with these schemes; the authenticated extended card is read afterwards</source>
        <translation>Mit diesen Schemata anmelden; danach wird die authentifizierte erweiterte Karte gelesen</translation>
    </message>
    <message>
        <source>Sign in with these schemes</source>
        <translation>Mit diesen Schemata anmelden</translation>
    </message>
    <message>
        <source>The extended card is the same as the public card.</source>
        <translation>Die erweiterte Karte ist mit der öffentlichen Karte identisch.</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Extended Card (%1)</source>
        <translation>Erweiterte Karte (%1)</translation>
    </message>
    <message>
        <source>Extended Card</source>
        <translation>Erweiterte Karte</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::AuthStepsView</name>
    <message>
        <source>(%1 more bytes not shown)</source>
        <translation>(%1 weitere Bytes nicht angezeigt)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>Choose a step to see its request and response.</source>
        <translation>Wählen Sie einen Schritt, um seine Anfrage und Antwort zu sehen.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>challenge</source>
        <translation>Challenge</translation>
    </message>
    <message>
        <source>discovery</source>
        <translation>Ermittlung</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>scheme %1</source>
        <translation>Schema %1</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>HTTP %1, after %2 ms</source>
        <translation>HTTP %1, nach %2 ms</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::ConnectionsSidebar</name>
    <message>
        <source>Add agent…</source>
        <translation>Agent hinzufügen …</translation>
    </message>
    <message>
        <source>Add an A2A agent by its URL</source>
        <translation>Einen A2A-Agenten über seine URL hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected connection from the workspace</source>
        <translation>Die gewählte Verbindung aus dem Arbeitsbereich entfernen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Add server…</source>
        <translation>Server hinzufügen …</translation>
    </message>
    <message>
        <source>Add an MCP server: a command to run, or a URL</source>
        <translation>Einen MCP-Server hinzufügen: einen auszuführenden Befehl oder eine URL</translation>
    </message>
    <message>
        <source>Add MCP server…</source>
        <translation>MCP-Server hinzufügen …</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::ConversationView</name>
    <message>
        <source>Task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier update(s) are on the task&apos;s timeline.</source>
        <translation>
            <numerusform>%n frühere Meldung steht auf der Zeitleiste der Aufgabe.</numerusform>
            <numerusform>%n frühere Meldungen stehen auf der Zeitleiste der Aufgabe.</numerusform>
        </translation>
    </message>
    <message>
        <source>The agent waits for your answer: your next message continues this task.</source>
        <translation>Der Agent wartet auf Ihre Antwort: Ihre nächste Nachricht setzt diese Aufgabe fort.</translation>
    </message>
    <message>
        <source>The agent needs authorization before this task can go on. Its message above says what it needs (often signing in somewhere, or granting access). Once done, send a message here to continue the task.</source>
        <translation>Der Agent braucht eine Autorisierung, bevor diese Aufgabe weitergehen kann. Seine Nachricht oben sagt, was er braucht (oft eine Anmeldung oder eine Freigabe). Senden Sie danach hier eine Nachricht, um die Aufgabe fortzusetzen.</translation>
    </message>
    <message>
        <source>Artifact: %1</source>
        <translation>Artefakt: %1</translation>
    </message>
    <message>
        <source>New Conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new context: the next message begins a new conversation (the tasks stay on the timeline)</source>
        <translation>Einen neuen Kontext beginnen: Die nächste Nachricht beginnt eine neue Unterhaltung (die Aufgaben bleiben auf der Zeitleiste)</translation>
    </message>
    <message>
        <source>Write a message… (Ctrl+Enter sends)</source>
        <translation>Nachricht schreiben … (Strg+Eingabe sendet)</translation>
    </message>
    <message>
        <source>Files sent as parts of the next message (Delete removes the chosen one)</source>
        <translation>Dateien, die als Teile der nächsten Nachricht gesendet werden (Entf entfernt die gewählte)</translation>
    </message>
    <message>
        <source>Attach File…</source>
        <translation>Datei anhängen …</translation>
    </message>
    <message>
        <source>Send a file from disk as a part of the message</source>
        <translation>Eine Datei vom Datenträger als Teil der Nachricht senden</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Add a data part: JSON, checked as you type</source>
        <translation>Einen Datenteil hinzufügen: JSON, während der Eingabe geprüft</translation>
    </message>
    <message>
        <source>{&quot;key&quot;: &quot;value&quot;}</source>
        <translation>{&quot;schlüssel&quot;: &quot;wert&quot;}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Stream</source>
        <translation>Streamen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Enter)</source>
        <translation>Die Nachricht senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Write a message below to start a conversation with %1.</source>
        <translation>Schreiben Sie unten eine Nachricht, um eine Unterhaltung mit %1 zu beginnen.</translation>
    </message>
    <message>
        <source>The agent&apos;s card has not been read yet: there is nothing to talk to.</source>
        <translation>Die Karte des Agenten wurde noch nicht gelesen: Es gibt noch niemanden zum Reden.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>You, continuing task %1</source>
        <translation>Sie, Fortsetzung von Aufgabe %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>The agent&apos;s card does not offer streaming: the task is followed by polling</source>
        <translation>Die Karte des Agenten bietet kein Streaming an: Die Aufgabe wird durch Abfragen verfolgt</translation>
    </message>
    <message>
        <source>Follow the task over a stream (SSE) rather than by polling</source>
        <translation>Die Aufgabe über einen Stream (SSE) statt durch Abfragen verfolgen</translation>
    </message>
    <message>
        <source>context %1</source>
        <translation>Kontext %1</translation>
    </message>
    <message>
        <source>Task %1 asks for input: your next message answers it and continues the task.</source>
        <translation>Aufgabe %1 bittet um eine Eingabe: Ihre nächste Nachricht beantwortet sie und setzt die Aufgabe fort.</translation>
    </message>
    <message>
        <source>Send (waiting…)</source>
        <translation>Senden (wartet …)</translation>
    </message>
    <message>
        <source>Empty: no data part is sent.</source>
        <translation>Leer: Es wird kein Datenteil gesendet.</translation>
    </message>
    <message>
        <source>The data is larger than %1.</source>
        <translation>Die Daten sind größer als %1.</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>✓ Valid JSON</source>
        <translation>✓ Gültiges JSON</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2: too large to send inline.</source>
        <translation>%1 ist größer als %2: zu groß, um es eingebettet zu senden.</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>A file is still being read.</source>
        <translation>Eine Datei wird noch gelesen.</translation>
    </message>
    <message>
        <source>The data part is not valid JSON yet: %1</source>
        <translation>Der Datenteil ist noch kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Sign in with the schemes the agent&apos;s card declares, then send a message to continue</source>
        <translation>Mit den Schemata anmelden, die die Karte des Agenten deklariert, und dann eine Nachricht senden, um fortzufahren</translation>
    </message>
    <message>
        <source>Task %1 waits for authorization. Sign in (or give the agent what its message asks for); your next message continues the task.</source>
        <translation>Aufgabe %1 wartet auf eine Autorisierung. Melden Sie sich an (oder geben Sie dem Agenten, was seine Nachricht verlangt); Ihre nächste Nachricht setzt die Aufgabe fort.</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::MainWindow</name>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the window and quit Crosstalk</source>
        <translation>Das Fenster schließen und Crosstalk beenden</translation>
    </message>
    <message>
        <source>&amp;About Crosstalk</source>
        <translation>&amp;Über Crosstalk</translation>
    </message>
    <message>
        <source>Show the version of Crosstalk and the licences it is under</source>
        <translation>Version und Lizenzen von Crosstalk anzeigen</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Show the version and licence of Qt</source>
        <translation>Version und Lizenz von Qt anzeigen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>No connections yet</source>
        <translation>Noch keine Verbindungen</translation>
    </message>
    <message>
        <source>The workspace could not be read, and will not be saved over: %1</source>
        <translation>Der Arbeitsbereich ließ sich nicht lesen und wird nicht überschrieben: %1</translation>
    </message>
    <message>
        <source>The workspace could not be saved: %1</source>
        <translation>Der Arbeitsbereich ließ sich nicht speichern: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n connection(s).</source>
        <translation>
            <numerusform>%n Verbindung importiert.</numerusform>
            <numerusform>%n Verbindungen importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace was exported to %1.</source>
        <translation>Der Arbeitsbereich wurde nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The workspace could not be exported: %1</source>
        <translation>Der Arbeitsbereich ließ sich nicht exportieren: %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Choose a connection</source>
        <translation>Eine Verbindung wählen</translation>
    </message>
    <message>
        <source>Add an A2A agent by its URL with “Add agent…”, or import a workspace. This window will show the agents and MCP servers you connect to: their cards, tasks, tools, resources and prompts, and the traffic exchanged with them.</source>
        <translation>Fügen Sie mit „Agent hinzufügen …“ einen A2A-Agenten über seine URL hinzu oder importieren Sie einen Arbeitsbereich. Dieses Fenster zeigt die Agenten und MCP-Server, mit denen Sie sich verbinden: ihre Karten, Aufgaben, Werkzeuge, Ressourcen und Prompts sowie den Verkehr mit ihnen.</translation>
    </message>
    <message>
        <source>The sidebar lists the workspace&apos;s agents and MCP servers with their state; an error&apos;s reason is in its tooltip.</source>
        <translation>Die Seitenleiste zeigt die Agenten und MCP-Server des Arbeitsbereichs mit ihrem Zustand; den Grund eines Fehlers nennt sein Tooltip.</translation>
    </message>
    <message>
        <source>Import a workspace</source>
        <translation>Einen Arbeitsbereich importieren</translation>
    </message>
    <message>
        <source>Crosstalk workspaces (*.json)</source>
        <translation>Crosstalk-Arbeitsbereiche (*.json)</translation>
    </message>
    <message>
        <source>Export the workspace</source>
        <translation>Den Arbeitsbereich exportieren</translation>
    </message>
    <message>
        <source>&amp;Add Agent…</source>
        <translation>Agent &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Add an A2A agent to the workspace by its URL</source>
        <translation>Einen A2A-Agenten über seine URL zum Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Import Workspace…</source>
        <translation>Arbeitsbereich &amp;importieren …</translation>
    </message>
    <message>
        <source>Add the connections of a workspace file to this workspace</source>
        <translation>Die Verbindungen einer Arbeitsbereichsdatei zu diesem Arbeitsbereich hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Export Workspace…</source>
        <translation>Arbeitsbereich &amp;exportieren …</translation>
    </message>
    <message>
        <source>Write this workspace&apos;s connections to a file (it holds no secrets)</source>
        <translation>Die Verbindungen dieses Arbeitsbereichs in eine Datei schreiben (sie enthält keine Geheimnisse)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>The traffic was exported to %1.</source>
        <translation>Der Verkehr wurde nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The traffic could not be exported: %1</source>
        <translation>Der Verkehr ließ sich nicht exportieren: %1</translation>
    </message>
    <message>
        <source>Agent Card</source>
        <translation>Agentenkarte</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Push notifications cannot be received: %1</source>
        <translation>Push-Benachrichtigungen können nicht empfangen werden: %1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Open a Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <source>The agent&apos;s link is not a web address, and is not opened:

%1</source>
        <translation>Der Link des Agenten ist keine Webadresse und wird nicht geöffnet:

%1</translation>
    </message>
    <message>
        <source>Open this link from the agent in your browser?

%1

It leads to %2.</source>
        <translation>Diesen Link des Agenten im Browser öffnen?

%1

Er führt zu %2.</translation>
    </message>
    <message>
        <source>%1 lists no MCP server Crosstalk can use.</source>
        <translation>%1 nennt keinen MCP-Server, den Crosstalk verwenden kann.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n MCP server(s).</source>
        <translation>
            <numerusform>%n MCP-Server importiert.</numerusform>
            <numerusform>%n MCP-Server importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The MCP servers could not be exported: %1</source>
        <translation>Die MCP-Server ließen sich nicht exportieren: %1</translation>
    </message>
    <message>
        <source>The MCP servers were exported to %1.</source>
        <translation>Die MCP-Server wurden nach %1 exportiert.</translation>
    </message>
    <message>
        <source>The MCP servers were exported to %1, without these secrets: %2</source>
        <translation>Die MCP-Server wurden nach %1 exportiert, ohne diese Geheimnisse: %2</translation>
    </message>
    <message>
        <source>Import MCP servers</source>
        <translation>MCP-Server importieren</translation>
    </message>
    <message>
        <source>MCP configurations (*.json);;All files (*)</source>
        <translation>MCP-Konfigurationen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export the MCP servers</source>
        <translation>Die MCP-Server exportieren</translation>
    </message>
    <message>
        <source>MCP configurations (*.json)</source>
        <translation>MCP-Konfigurationen (*.json)</translation>
    </message>
    <message>
        <source>Add &amp;MCP Server…</source>
        <translation>&amp;MCP-Server hinzufügen …</translation>
    </message>
    <message>
        <source>Add an MCP server to the workspace: a command to run, or a URL</source>
        <translation>Einen MCP-Server zum Arbeitsbereich hinzufügen: einen auszuführenden Befehl oder eine URL</translation>
    </message>
    <message>
        <source>Import &amp;MCP Servers…</source>
        <translation>MCP-Server im&amp;portieren …</translation>
    </message>
    <message>
        <source>Add MCP servers from Claude Desktop, VS Code or Cursor settings, or from a registry server.json</source>
        <translation>MCP-Server aus den Einstellungen von Claude Desktop, VS Code oder Cursor oder aus der server.json einer Registry hinzufügen</translation>
    </message>
    <message>
        <source>Export MCP &amp;Servers…</source>
        <translation>MCP-Server e&amp;xportieren …</translation>
    </message>
    <message>
        <source>Write the workspace&apos;s MCP servers as mcpServers, without secrets</source>
        <translation>Die MCP-Server des Arbeitsbereichs als mcpServers schreiben, ohne Geheimnisse</translation>
    </message>
    <message>
        <source>The extended card could not be read: %1</source>
        <translation>Die erweiterte Karte konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Signed in; the extended card is on the Agent Card tab.</source>
        <translation>Angemeldet; die erweiterte Karte steht auf dem Tab „Agentenkarte“.</translation>
    </message>
    <message>
        <source>%1: signed in as last time, from the keychain.</source>
        <translation>%1: wie beim letzten Mal angemeldet, aus dem Schlüsselbund.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpArgumentsForm</name>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpImportDialog</name>
    <message>
        <source>Import MCP Servers</source>
        <translation>MCP-Server importieren</translation>
    </message>
    <message>
        <source>%1 (%2) lists these servers. A command runs on your computer, with your rights, only when you connect its server, and Crosstalk shows it and asks again first.</source>
        <translation>%1 (%2) nennt diese Server. Ein Befehl läuft erst dann auf Ihrem Computer mit Ihren Rechten, wenn Sie sich mit seinem Server verbinden, und Crosstalk zeigt ihn vorher an und fragt noch einmal nach.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Runs or reaches</source>
        <translation>Startet oder erreicht</translation>
    </message>
    <message>
        <source>What could not be taken over as written:</source>
        <translation>Was sich nicht wie geschrieben übernehmen ließ:</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Server(s)</source>
        <translation>
            <numerusform>%n Server &amp;importieren</numerusform>
            <numerusform>%n Server &amp;importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpPromptsView</name>
    <message>
        <source>Search prompts</source>
        <translation>Prompts durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Get Prompt</source>
        <translation>Prompt &amp;abrufen</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpRequestHandler</name>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
    </message>
    <message>
        <source>unknown part</source>
        <translation>unbekannter Teil</translation>
    </message>
    <message>
        <source>Information Requested</source>
        <translation>Angaben erbeten</translation>
    </message>
    <message>
        <source>The MCP server “%1” asks you:</source>
        <translation>Der MCP-Server „%1“ fragt Sie:</translation>
    </message>
    <message>
        <source>Only what you accept is sent to the server. Do not give passwords or keys here.</source>
        <translation>Nur was Sie annehmen, wird an den Server gesendet. Geben Sie hier keine Passwörter oder Schlüssel ein.</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Open a Page?</source>
        <translation>Eine Seite öffnen?</translation>
    </message>
    <message>
        <source>The MCP server “%1” asks you to open a page in your browser:</source>
        <translation>Der MCP-Server „%1“ bittet Sie, eine Seite in Ihrem Browser zu öffnen:</translation>
    </message>
    <message>
        <source>This is not a web address, and Crosstalk does not open it.</source>
        <translation>Dies ist keine Webadresse, und Crosstalk öffnet sie nicht.</translation>
    </message>
    <message>
        <source>It leads to %1, without encryption (http).</source>
        <translation>Sie führt zu %1, ohne Verschlüsselung (http).</translation>
    </message>
    <message>
        <source>It leads to %1.</source>
        <translation>Sie führt zu %1.</translation>
    </message>
    <message>
        <source>&amp;Open in Browser</source>
        <translation>Im Browser ö&amp;ffnen</translation>
    </message>
    <message>
        <source>A Model&apos;s Reply Requested</source>
        <translation>Antwort eines Modells erbeten</translation>
    </message>
    <message>
        <source>The MCP server “%1” asks for a model&apos;s reply (sampling). You write it, or reject the request.</source>
        <translation>Der MCP-Server „%1“ bittet um die Antwort eines Modells (Sampling). Sie schreiben sie selbst oder weisen die Anfrage zurück.</translation>
    </message>
    <message>
        <source>System prompt:</source>
        <translation>Systemprompt:</translation>
    </message>
    <message>
        <source>Models hinted: %1</source>
        <translation>Vorgeschlagene Modelle: %1</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>intelligence</source>
        <translation>Intelligenz</translation>
    </message>
    <message>
        <source>Priority of %1: %2</source>
        <translation>Vorrang von %1: %2</translation>
    </message>
    <message>
        <source>At most %1 tokens</source>
        <translation>Höchstens %1 Tokens</translation>
    </message>
    <message>
        <source>Tools offered to the model: %1</source>
        <translation>Dem Modell angebotene Werkzeuge: %1</translation>
    </message>
    <message>
        <source>Context asked for: %1</source>
        <translation>Erbetener Kontext: %1</translation>
    </message>
    <message>
        <source>The reply, as the model would give it</source>
        <translation>Die Antwort, wie das Modell sie geben würde</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Send Reply</source>
        <translation>Antwort &amp;senden</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Zurückweisen</translation>
    </message>
    <message>
        <source>Your reply:</source>
        <translation>Ihre Antwort:</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpResourcesView</name>
    <message>
        <source>Search resources</source>
        <translation>Ressourcen durchsuchen</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Reads %1</source>
        <translation>Liest %1</translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation>&amp;Lesen</translation>
    </message>
    <message>
        <source>&amp;Follow Changes</source>
        <translation>Änderungen ver&amp;folgen</translation>
    </message>
    <message>
        <source>Ask the server to say when this resource changes (resources/subscribe)</source>
        <translation>Den Server bitten, Änderungen dieser Ressource zu melden (resources/subscribe)</translation>
    </message>
    <message>
        <source>Resources (%1)</source>
        <translation>Ressourcen (%1)</translation>
    </message>
    <message>
        <source>Templates (%1)</source>
        <translation>Vorlagen (%1)</translation>
    </message>
    <message>
        <source>The template cannot be read: %1</source>
        <translation>Die Vorlage ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>The server says this resource changed since it was read: read it again.</source>
        <translation>Laut Server hat sich diese Ressource seit dem Lesen geändert: Lesen Sie sie erneut.</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpResultView</name>
    <message>
        <source>The image is too large to show here; save it to look at it.</source>
        <translation>Das Bild ist zu groß, um es hier zu zeigen; speichern Sie es, um es anzusehen.</translation>
    </message>
    <message>
        <source>The image could not be read: its data is not valid base64.</source>
        <translation>Das Bild konnte nicht gelesen werden: Seine Daten sind kein gültiges Base64.</translation>
    </message>
    <message>
        <source>SVG images are not shown here (they can refer to other files); save it to look at it.</source>
        <translation>SVG-Bilder werden hier nicht gezeigt (sie können auf andere Dateien verweisen); speichern Sie das Bild, um es anzusehen.</translation>
    </message>
    <message>
        <source>The image is too large to show here (%1 × %2 pixels); save it to look at it.</source>
        <translation>Das Bild ist zu groß, um es hier zu zeigen (%1 × %2 Pixel); speichern Sie es, um es anzusehen.</translation>
    </message>
    <message>
        <source>The image could not be read: %1</source>
        <translation>Das Bild konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>⚠ The tool reported a failure</source>
        <translation>⚠ Das Werkzeug hat einen Fehlschlag gemeldet</translation>
    </message>
    <message>
        <source>The request itself succeeded: the tool ran and said it failed (isError). What it returned is shown below.</source>
        <translation>Die Anfrage selbst war erfolgreich: Das Werkzeug lief und meldete, dass es fehlgeschlagen ist (isError). Was es zurückgegeben hat, steht unten.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Resource link</source>
        <translation>Ressourcenlink</translation>
    </message>
    <message>
        <source>Embedded resource</source>
        <translation>Eingebettete Ressource</translation>
    </message>
    <message>
        <source>Read Again</source>
        <translation>Erneut lesen</translation>
    </message>
    <message>
        <source>A “%1” block without the members it needs; shown as JSON.</source>
        <translation>Ein „%1“-Block ohne die nötigen Felder; als JSON gezeigt.</translation>
    </message>
    <message>
        <source>A content block without a type; shown as JSON.</source>
        <translation>Ein Inhaltsblock ohne Typ; als JSON gezeigt.</translation>
    </message>
    <message>
        <source>Unknown content type “%1”; shown as JSON.</source>
        <translation>Unbekannter Inhaltstyp „%1“; als JSON gezeigt.</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Wird aufbereitet …</translation>
    </message>
    <message>
        <source>⚠ This text holds hidden characters; they are shown as \uXXXX escapes.</source>
        <translation>⚠ Dieser Text enthält verborgene Zeichen; sie werden als \uXXXX-Escapes angezeigt.</translation>
    </message>
    <message>
        <source>⚠ This text holds hidden characters; they are shown as ⟦U+…⟧.</source>
        <translation>⚠ Dieser Text enthält verborgene Zeichen; sie werden als ⟦U+…⟧ angezeigt.</translation>
    </message>
    <message>
        <source>Too long to lay out as Markdown: shown as plain text.</source>
        <translation>Zu lang, um als Markdown aufbereitet zu werden: als reiner Text gezeigt.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 characters.</source>
        <translation>Gezeigt werden die ersten %1 von %2 Zeichen.</translation>
    </message>
    <message>
        <source>Save All…</source>
        <translation>Alles speichern …</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Gespeichert unter %1.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Speichern unter %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>no type given</source>
        <translation>kein Typ angegeben</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Das Bild wird gelesen …</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source>Open with Player</source>
        <translation>Im Player öffnen</translation>
    </message>
    <message>
        <source>The type “%1” is not an audio type known here, so no player can be chosen for it.</source>
        <translation>Der Typ „%1“ ist hier kein bekannter Audiotyp, daher kann kein Player dafür gewählt werden.</translation>
    </message>
    <message>
        <source>Writes it to a temporary file and opens that with the system&apos;s player</source>
        <translation>Schreibt es in eine temporäre Datei und öffnet diese mit dem Player des Systems</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Wird geöffnet …</translation>
    </message>
    <message>
        <source>Opened %1 with the system&apos;s player.</source>
        <translation>%1 wurde mit dem Player des Systems geöffnet.</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>Nicht geöffnet: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Ask the server for this resource (resources/read)</source>
        <translation>Den Server nach dieser Ressource fragen (resources/read)</translation>
    </message>
    <message>
        <source>(no uri)</source>
        <translation>(keine URI)</translation>
    </message>
    <message>
        <source>Text, no type given</source>
        <translation>Text, kein Typ angegeben</translation>
    </message>
    <message>
        <source>Contents with neither text nor blob; shown as JSON.</source>
        <translation>Inhalt ohne text und ohne blob; als JSON gezeigt.</translation>
    </message>
    <message>
        <source>Binary, no type given</source>
        <translation>Binär, kein Typ angegeben</translation>
    </message>
    <message>
        <source>Structured content</source>
        <translation>Strukturierter Inhalt</translation>
    </message>
    <message>
        <source>✔ Matches the tool&apos;s output schema.</source>
        <translation>✔ Passt zum Ausgabeschema des Werkzeugs.</translation>
    </message>
    <message>
        <source>✘ Does not match the tool&apos;s output schema:</source>
        <translation>✘ Passt nicht zum Ausgabeschema des Werkzeugs:</translation>
    </message>
    <message>
        <source>• %1: %2</source>
        <translation>• %1: %2</translation>
    </message>
    <message>
        <source>(the value itself)</source>
        <translation>(der Wert selbst)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiteres Problem.</numerusform>
            <numerusform>… und %n weitere Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tool declares an output schema but gave no structured content.</source>
        <translation>Das Werkzeug deklariert ein Ausgabeschema, lieferte aber keinen strukturierten Inhalt.</translation>
    </message>
    <message>
        <source>Not checked: there was no output schema to check it against.</source>
        <translation>Nicht geprüft: Es gab kein Ausgabeschema, gegen das geprüft werden konnte.</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 characters; long strings are cut.</source>
        <translation>Gezeigt werden die ersten %1 von %2 Zeichen; lange Zeichenketten sind gekürzt.</translation>
    </message>
    <message>
        <source>✘ The request failed</source>
        <translation>✘ Die Anfrage ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation>Rohes JSON</translation>
    </message>
    <message numerus="yes">
        <source>%n more content block(s) not shown here; see the raw JSON.</source>
        <translation>
            <numerusform>%n weiterer Inhaltsblock wird hier nicht gezeigt; siehe das rohe JSON.</numerusform>
            <numerusform>%n weitere Inhaltsblöcke werden hier nicht gezeigt; siehe das rohe JSON.</numerusform>
        </translation>
    </message>
    <message>
        <source>The result holds no content.</source>
        <translation>Das Ergebnis enthält keinen Inhalt.</translation>
    </message>
    <message>
        <source>The result&apos;s “content” is not a list; see the raw JSON.</source>
        <translation>Das Feld „content“ des Ergebnisses ist keine Liste; siehe das rohe JSON.</translation>
    </message>
    <message>
        <source>Binary contents</source>
        <translation>Binärer Inhalt</translation>
    </message>
    <message>
        <source>Text contents</source>
        <translation>Textinhalt</translation>
    </message>
    <message>
        <source>Contents that are not an object; shown as JSON.</source>
        <translation>Inhalt, der kein Objekt ist; als JSON gezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>%n more content(s) not shown here; see the raw JSON.</source>
        <translation>
            <numerusform>%n weiterer Inhalt wird hier nicht gezeigt; siehe das rohe JSON.</numerusform>
            <numerusform>%n weitere Inhalte werden hier nicht gezeigt; siehe das rohe JSON.</numerusform>
        </translation>
    </message>
    <message>
        <source>The resource has no contents.</source>
        <translation>Die Ressource hat keine Inhalte.</translation>
    </message>
    <message>
        <source>(no role)</source>
        <translation>(keine Rolle)</translation>
    </message>
    <message numerus="yes">
        <source>%n more message(s) not shown here; see the raw JSON.</source>
        <translation>
            <numerusform>%n weitere Nachricht wird hier nicht gezeigt; siehe das rohe JSON.</numerusform>
            <numerusform>%n weitere Nachrichten werden hier nicht gezeigt; siehe das rohe JSON.</numerusform>
        </translation>
    </message>
    <message>
        <source>The prompt has no messages.</source>
        <translation>Der Prompt hat keine Nachrichten.</translation>
    </message>
    <message>
        <source>The server answered with error %1: %2</source>
        <translation>Der Server hat mit Fehler %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>No answer came in time.</source>
        <translation>Es kam nicht rechtzeitig eine Antwort.</translation>
    </message>
    <message>
        <source>The server could not be reached.</source>
        <translation>Der Server war nicht erreichbar.</translation>
    </message>
    <message>
        <source>The server broke the protocol.</source>
        <translation>Der Server hat gegen das Protokoll verstoßen.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The request did not complete.</source>
        <translation>Die Anfrage wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>HTTP status %1.</source>
        <translation>HTTP-Status %1.</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpServerDialog</name>
    <message>
        <source>Add an MCP Server</source>
        <translation>Einen MCP-Server hinzufügen</translation>
    </message>
    <message>
        <source>the name the server gives</source>
        <translation>der Name, den der Server angibt</translation>
    </message>
    <message>
        <source>Run a command (stdio)</source>
        <translation>Einen Befehl ausführen (stdio)</translation>
    </message>
    <message>
        <source>Connect to a URL</source>
        <translation>Mit einer URL verbinden</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>Legacy (2025-11-25 and before: initialize)</source>
        <translation>Alt (2025-11-25 und früher: initialize)</translation>
    </message>
    <message>
        <source>Modern (2026-07-28: server/discover)</source>
        <translation>Modern (2026-07-28: server/discover)</translation>
    </message>
    <message>
        <source>As you would type it in a shell: quotes group words; nothing is expanded</source>
        <translation>Wie Sie ihn in einer Shell eingeben würden: Anführungszeichen fassen Wörter zusammen; nichts wird expandiert</translation>
    </message>
    <message>
        <source>Crosstalk&apos;s own</source>
        <translation>der von Crosstalk</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>The server&apos;s working folder</source>
        <translation>Der Arbeitsordner des Servers</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>&amp;Command:</source>
        <translation>&amp;Befehl:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>U&amp;mgebung:</translation>
    </message>
    <message>
        <source>Streamable HTTP, else HTTP+SSE</source>
        <translation>Streamable HTTP, sonst HTTP+SSE</translation>
    </message>
    <message>
        <source>Streamable HTTP</source>
        <translation>Streamable HTTP</translation>
    </message>
    <message>
        <source>HTTP+SSE (2024-11-05)</source>
        <translation>HTTP+SSE (2024-11-05)</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <source>&amp;Headers:</source>
        <translation>H&amp;eader:</translation>
    </message>
    <message>
        <source>Crosstalk shows the exact command and asks before it runs it. Secret values are kept for this run only; the workspace file holds their names.</source>
        <translation>Crosstalk zeigt den genauen Befehl und fragt nach, bevor es ihn ausführt. Geheime Werte werden nur für diesen Programmlauf aufbewahrt; die Arbeitsbereichsdatei enthält ihre Namen.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Era:</source>
        <translation>Ä&amp;ra:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>Edit the MCP Server</source>
        <translation>Den MCP-Server bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>The command cannot be read: %1.</source>
        <translation>Der Befehl kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Type the command that starts the server.</source>
        <translation>Bitte den Befehl eingeben, der den Server startet.</translation>
    </message>
    <message>
        <source>Type the server&apos;s URL.</source>
        <translation>Bitte die URL des Servers eingeben.</translation>
    </message>
    <message>
        <source>This is not a URL: %1</source>
        <translation>Das ist keine URL: %1</translation>
    </message>
    <message>
        <source>MCP servers are reached over http or https, not “%1”.</source>
        <translation>MCP-Server erreicht man über http oder https, nicht über „%1“.</translation>
    </message>
    <message>
        <source>The URL has no host.</source>
        <translation>Die URL hat keinen Host.</translation>
    </message>
    <message>
        <source>The modern era has no HTTP+SSE transport: choose Streamable HTTP.</source>
        <translation>Die moderne Ära kennt keinen HTTP+SSE-Transport: Bitte Streamable HTTP wählen.</translation>
    </message>
    <message>
        <source>The header name “%1” holds a space or a colon.</source>
        <translation>Der Header-Name „%1“ enthält ein Leerzeichen oder einen Doppelpunkt.</translation>
    </message>
    <message>
        <source>The variable name “%1” holds an equals sign.</source>
        <translation>Der Variablenname „%1“ enthält ein Gleichheitszeichen.</translation>
    </message>
    <message>
        <source>Sign in with &amp;OAuth when the server asks (Streamable HTTP)</source>
        <translation>Mit &amp;OAuth anmelden, wenn der Server danach fragt (Streamable HTTP)</translation>
    </message>
    <message>
        <source>A 401 from the server starts the MCP authorization flow in the system browser; tokens are kept in the keychain.</source>
        <translation>Ein 401 vom Server startet den MCP-Autorisierungs-Flow im Browser des Systems; Tokens werden im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Optional: Crosstalk registers itself where the server allows it</source>
        <translation>Optional: Crosstalk registriert sich selbst, wo der Server es zulässt</translation>
    </message>
    <message>
        <source>Authorization:</source>
        <translation>Autorisierung:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>&amp;Client-ID:</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpServerView</name>
    <message>
        <source>Run a Server</source>
        <translation>Einen Server starten</translation>
    </message>
    <message>
        <source>Crosstalk is about to run this command on your computer, with your rights:</source>
        <translation>Crosstalk wird diesen Befehl auf Ihrem Computer mit Ihren Rechten ausführen:</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Era:</source>
        <translation>Ära:</translation>
    </message>
    <message>
        <source>Protocol version:</source>
        <translation>Protokollversion:</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Fähigkeiten:</translation>
    </message>
    <message>
        <source>Instructions from the server:</source>
        <translation>Anweisungen des Servers:</translation>
    </message>
    <message>
        <source>The server&apos;s stderr</source>
        <translation>stderr des Servers</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>The least severe log messages the server is asked to send</source>
        <translation>Die niedrigste Stufe der Protokollmeldungen, die der Server senden soll</translation>
    </message>
    <message>
        <source>Clear View</source>
        <translation>Ansicht leeren</translation>
    </message>
    <message>
        <source>Log level:</source>
        <translation>Protokollstufe:</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Logger or notification</source>
        <translation>Logger oder Benachrichtigung</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>In the folder: %1</source>
        <translation>Im Ordner: %1</translation>
    </message>
    <message>
        <source>(secret)</source>
        <translation>(geheim)</translation>
    </message>
    <message>
        <source>With the environment:</source>
        <translation>Mit der Umgebung:</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindet …</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n older line(s) were dropped.</source>
        <translation>
            <numerusform>%n ältere Zeile wurde verworfen.</numerusform>
            <numerusform>%n ältere Zeilen wurden verworfen.</numerusform>
        </translation>
    </message>
    <message>
        <source>modern (2026-07-28 and later)</source>
        <translation>modern (2026-07-28 und später)</translation>
    </message>
    <message>
        <source>legacy (initialize handshake)</source>
        <translation>alt (initialize-Handshake)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <source>Resource %1</source>
        <translation>Ressource %1</translation>
    </message>
    <message>
        <source>Roots are the folders MCP servers may work in. Every server that asks (roots/list) gets this list, and is told when it changes.</source>
        <translation>Wurzeln sind die Ordner, in denen MCP-Server arbeiten dürfen. Jeder Server, der danach fragt (roots/list), erhält diese Liste und erfährt, wenn sie sich ändert.</translation>
    </message>
    <message>
        <source>Add &amp;Folder…</source>
        <translation>&amp;Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>A folder servers may work in</source>
        <translation>Ein Ordner, in dem Server arbeiten dürfen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Roots</source>
        <translation>Wurzeln</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <source>Signing in with OAuth… (finish in your browser if it opened)</source>
        <translation>Anmeldung mit OAuth läuft … (schließen Sie sie im Browser ab, falls er sich geöffnet hat)</translation>
    </message>
    <message>
        <source>Sign &amp;In</source>
        <translation>A&amp;nmelden</translation>
    </message>
    <message>
        <source>Signs in with OAuth now, before the server asks: the system browser opens if the authorization server needs you.</source>
        <translation>Meldet sich jetzt mit OAuth an, bevor der Server danach fragt: Der Browser des Systems öffnet sich, wenn der Autorisierungsserver Sie braucht.</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Forgets the server&apos;s tokens, here and in the keychain; the client registration stays.</source>
        <translation>Vergisst die Tokens des Servers, hier und im Schlüsselbund; die Client-Registrierung bleibt erhalten.</translation>
    </message>
    <message>
        <source>Steps of the last sign-in:</source>
        <translation>Schritte der letzten Anmeldung:</translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <source>Signing in… Finish in your browser if it opened; the steps follow below.</source>
        <translation>Anmeldung läuft … Schließen Sie sie im Browser ab, falls er sich geöffnet hat; die Schritte folgen unten.</translation>
    </message>
    <message>
        <source>Signed in with %1.</source>
        <translation>Angemeldet bei %1.</translation>
    </message>
    <message>
        <source>Scopes: %1.</source>
        <translation>Scopes: %1.</translation>
    </message>
    <message>
        <source>The access token expires at %1.</source>
        <translation>Das Zugriffstoken läuft am %1 ab.</translation>
    </message>
    <message>
        <source>Not signed in. Crosstalk signs in with OAuth when the server asks (HTTP 401), or now with Sign In.</source>
        <translation>Nicht angemeldet. Crosstalk meldet sich mit OAuth an, wenn der Server danach fragt (HTTP 401), oder sofort mit „Anmelden“.</translation>
    </message>
    <message>
        <source>The last sign-in failed: %1</source>
        <translation>Die letzte Anmeldung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>&amp;Cancel Sign-In</source>
        <translation>Anmeldung a&amp;bbrechen</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpToolListModel</name>
    <message>
        <source>read-only</source>
        <translation>nur lesend</translation>
    </message>
    <message>
        <source>destructive</source>
        <translation>destruktiv</translation>
    </message>
    <message>
        <source>idempotent</source>
        <translation>idempotent</translation>
    </message>
    <message>
        <source>open-world</source>
        <translation>offene Welt</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::McpToolsView</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>tool failure</source>
        <translation>Werkzeug meldet Fehlschlag</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>Search tools</source>
        <translation>Werkzeuge durchsuchen</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s)</source>
        <translation>
            <numerusform>%n Werkzeug</numerusform>
            <numerusform>%n Werkzeuge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n tool(s)</source>
        <translation>
            <numerusform>%1 von %n Werkzeug</numerusform>
            <numerusform>%1 von %n Werkzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>List the server&apos;s tools again</source>
        <translation>Die Werkzeuge des Servers erneut auflisten</translation>
    </message>
    <message>
        <source>⚠ The tool&apos;s name, title or description holds hidden characters that change how it reads; they are shown as ⟦U+…⟧ markers.</source>
        <translation>⚠ Name, Titel oder Beschreibung des Werkzeugs enthalten versteckte Zeichen, die ändern, wie sie sich lesen; sie werden als ⟦U+…⟧-Markierungen gezeigt.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>Call the tool with these arguments (Ctrl+Enter)</source>
        <translation>Das Werkzeug mit diesen Argumenten aufrufen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Run &amp;Again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Copy as crosstalk-cli</source>
        <translation>Als crosstalk-cli kopieren</translation>
    </message>
    <message>
        <source>Copy the command that makes this call from a terminal; secrets are left out</source>
        <translation>Den Befehl kopieren, der diesen Aufruf aus einem Terminal ausführt; Geheimnisse werden weggelassen</translation>
    </message>
    <message>
        <source>Copy Arguments</source>
        <translation>Argumente kopieren</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>The server changed its tools at %1; the list was read again.</source>
        <translation>Der Server hat seine Werkzeuge um %1 geändert; die Liste wurde neu gelesen.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>The server makes no claims about what this tool does.</source>
        <translation>Der Server macht keine Angaben dazu, was dieses Werkzeug tut.</translation>
    </message>
    <message>
        <source>The server claims: %1</source>
        <translation>Der Server gibt an: %1</translation>
    </message>
    <message>
        <source>Annotations are hints from the server, not guarantees: a server may claim anything.</source>
        <translation>Annotationen sind Hinweise des Servers, keine Garantien: Ein Server kann alles Mögliche behaupten.</translation>
    </message>
    <message>
        <source>Connect to the server to call its tools</source>
        <translation>Mit dem Server verbinden, um seine Werkzeuge aufzurufen</translation>
    </message>
    <message>
        <source>The arguments do not match the tool&apos;s schema: see the messages beside the fields</source>
        <translation>Die Argumente passen nicht zum Schema des Werkzeugs: siehe die Meldungen neben den Feldern</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 erledigt</translation>
    </message>
    <message>
        <source>Waiting for the server…</source>
        <translation>Warten auf den Server …</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::PartsView</name>
    <message>
        <source>⚠ This text holds hidden characters; they are shown as ⟦U+…⟧.</source>
        <translation>⚠ Dieser Text enthält verborgene Zeichen; sie werden als ⟦U+…⟧ angezeigt.</translation>
    </message>
    <message>
        <source>Save All…</source>
        <translation>Alles speichern …</translation>
    </message>
    <message numerus="yes">
        <source>%n more part(s) not shown here; the raw JSON is in the traffic inspector.</source>
        <translation>
            <numerusform>%n weiterer Teil wird hier nicht gezeigt; das rohe JSON steht im Datenverkehr-Inspektor.</numerusform>
            <numerusform>%n weitere Teile werden hier nicht gezeigt; das rohe JSON steht im Datenverkehr-Inspektor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %1 of this text are shown (%2 in all).</source>
        <translation>Nur die ersten %1 dieses Textes werden gezeigt (%2 insgesamt).</translation>
    </message>
    <message>
        <source>(a file without a name)</source>
        <translation>(eine Datei ohne Namen)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>The file is not fetched: copy its address to open it yourself</source>
        <translation>Die Datei wird nicht abgerufen: Kopieren Sie ihre Adresse, um sie selbst zu öffnen</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Das Bild wird gelesen …</translation>
    </message>
    <message>
        <source>The image could not be read.</source>
        <translation>Das Bild konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::PeerTextBrowser</name>
    <message>
        <source>[image not loaded: %1]</source>
        <translation>[Bild nicht geladen: %1]</translation>
    </message>
    <message>
        <source>[image “%1” not loaded: %2]</source>
        <translation>[Bild „%1“ nicht geladen: %2]</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::PushInboxModel</name>
    <message>
        <source>task: %1</source>
        <translation>Aufgabe: %1</translation>
    </message>
    <message>
        <source>status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>artifact chunk: %1</source>
        <translation>Artefaktstück: %1</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>%1 (repeated)</source>
        <translation>%1 (wiederholt)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Carried</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::SchemaForm</name>
    <message>
        <source>Too large for a whole number.</source>
        <translation>Zu groß für eine ganze Zahl.</translation>
    </message>
    <message>
        <source>Not a whole number.</source>
        <translation>Keine ganze Zahl.</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>Keine Zahl.</translation>
    </message>
    <message>
        <source>Not a number JSON can hold.</source>
        <translation>Keine Zahl, die JSON darstellen kann.</translation>
    </message>
    <message>
        <source>Items %1 and %2 are the same; each must differ.</source>
        <translation>Die Elemente %1 und %2 sind gleich; alle müssen sich unterscheiden.</translation>
    </message>
    <message numerus="yes">
        <source>At least %n item(s).</source>
        <translation>
            <numerusform>Mindestens %n Element.</numerusform>
            <numerusform>Mindestens %n Elemente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n item(s).</source>
        <translation>
            <numerusform>Höchstens %n Element.</numerusform>
            <numerusform>Höchstens %n Elemente.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>Mindestens %n Zeichen.</numerusform>
            <numerusform>Mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>Höchstens %n Zeichen.</numerusform>
            <numerusform>Höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n member(s).</source>
        <translation>
            <numerusform>Mindestens %n Eintrag.</numerusform>
            <numerusform>Mindestens %n Einträge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most %n member(s).</source>
        <translation>
            <numerusform>Höchstens %n Eintrag.</numerusform>
            <numerusform>Höchstens %n Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <source>Does not match the pattern the schema asks for.</source>
        <translation>Entspricht nicht dem Muster, das das Schema verlangt.</translation>
    </message>
    <message>
        <source>Not the type of value the schema asks for.</source>
        <translation>Nicht die Art von Wert, die das Schema verlangt.</translation>
    </message>
    <message>
        <source>Not one of the allowed values.</source>
        <translation>Keiner der erlaubten Werte.</translation>
    </message>
    <message>
        <source>Not the one value allowed here.</source>
        <translation>Nicht der einzige hier erlaubte Wert.</translation>
    </message>
    <message>
        <source>“%1” is not allowed here.</source>
        <translation>„%1“ ist hier nicht erlaubt.</translation>
    </message>
    <message>
        <source>Not a date (YYYY-MM-DD).</source>
        <translation>Kein Datum (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <source>Not a time (hh:mm:ss and an offset such as Z).</source>
        <translation>Keine Uhrzeit (hh:mm:ss und ein Offset wie Z).</translation>
    </message>
    <message>
        <source>Not a date and time (RFC 3339, such as 2026-01-31T12:00:00Z).</source>
        <translation>Kein Datum mit Uhrzeit (RFC 3339, etwa 2026-01-31T12:00:00Z).</translation>
    </message>
    <message>
        <source>Must match exactly one of the options.</source>
        <translation>Muss genau einer der Varianten entsprechen.</translation>
    </message>
    <message>
        <source>Matches none of the options.</source>
        <translation>Entspricht keiner der Varianten.</translation>
    </message>
    <message>
        <source> (deprecated)</source>
        <translation> (veraltet)</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Read-only: the value is kept as it is</source>
        <translation>Schreibgeschützt: Der Wert bleibt, wie er ist</translation>
    </message>
    <message>
        <source>Deprecated: better left alone</source>
        <translation>Veraltet: besser nicht verändern</translation>
    </message>
    <message>
        <source>Refers to %1 (never fetched).</source>
        <translation>Verweist auf %1 (wird nie abgerufen).</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Put an example in</source>
        <translation>Ein Beispiel einsetzen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Send null instead of a value</source>
        <translation>null statt eines Werts senden</translation>
    </message>
    <message>
        <source>Show or hide what this holds</source>
        <translation>Den Inhalt zeigen oder verbergen</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>YYYY-MM-DDThh:mm:ssZ</source>
        <translation>JJJJ-MM-TTThh:mm:ssZ</translation>
    </message>
    <message>
        <source>hh:mm:ssZ</source>
        <translation>hh:mm:ssZ</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>The time now, in UTC</source>
        <translation>Die aktuelle Uhrzeit, in UTC</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</source>
        <translation>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>A new random UUID</source>
        <translation>Eine neue zufällige UUID</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Erforderlich.</translation>
    </message>
    <message>
        <source>Not an email address.</source>
        <translation>Keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Not a URI.</source>
        <translation>Keine URI.</translation>
    </message>
    <message>
        <source>Not a UUID.</source>
        <translation>Keine UUID.</translation>
    </message>
    <message>
        <source>Pick a date, or take the time now</source>
        <translation>Ein Datum wählen oder die aktuelle Zeit übernehmen</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Ein Datum wählen</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>&lt; %1</source>
        <translation>&lt; %1</translation>
    </message>
    <message>
        <source>≤ %1</source>
        <translation>≤ %1</translation>
    </message>
    <message>
        <source>a multiple of %1</source>
        <translation>ein Vielfaches von %1</translation>
    </message>
    <message>
        <source>Must be more than %1.</source>
        <translation>Muss größer als %1 sein.</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>Mindestens %1.</translation>
    </message>
    <message>
        <source>Must be less than %1.</source>
        <translation>Muss kleiner als %1 sein.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>Höchstens %1.</translation>
    </message>
    <message>
        <source>Must be a multiple of %1.</source>
        <translation>Muss ein Vielfaches von %1 sein.</translation>
    </message>
    <message>
        <source>— not set —</source>
        <translation>— nicht gesetzt —</translation>
    </message>
    <message>
        <source>%1 (not one of the options)</source>
        <translation>%1 (nicht unter den Auswahlmöglichkeiten)</translation>
    </message>
    <message>
        <source>null (nothing to fill in)</source>
        <translation>null (nichts auszufüllen)</translation>
    </message>
    <message>
        <source>Send null</source>
        <translation>null senden</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Any JSON value.</source>
        <translation>Beliebiger JSON-Wert.</translation>
    </message>
    <message>
        <source>Not JSON: %1</source>
        <translation>Kein JSON: %1</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Add a member with a name of your own</source>
        <translation>Einen Eintrag mit selbst gewähltem Namen hinzufügen</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>“%1” is a field of its own above.</source>
        <translation>„%1“ ist oben bereits ein eigenes Feld.</translation>
    </message>
    <message>
        <source>The name “%1” is used twice.</source>
        <translation>Der Name „%1“ kommt zweimal vor.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Remove this member</source>
        <translation>Diesen Eintrag entfernen</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Einbeziehen</translation>
    </message>
    <message>
        <source>Whether this optional group is part of the value; filling in one of its fields includes it</source>
        <translation>Ob diese optionale Gruppe Teil des Werts ist; das Ausfüllen eines ihrer Felder bezieht sie ein</translation>
    </message>
    <message>
        <source>Other members</source>
        <translation>Weitere Einträge</translation>
    </message>
    <message numerus="yes">
        <source>%n more field(s) of this object are not shown: their values are kept; use Edit as JSON for them.</source>
        <translation>
            <numerusform>%n weiteres Feld dieses Objekts wird nicht gezeigt: Sein Wert bleibt erhalten; dafür „Als JSON bearbeiten“ verwenden.</numerusform>
            <numerusform>%n weitere Felder dieses Objekts werden nicht gezeigt: Ihre Werte bleiben erhalten; dafür „Als JSON bearbeiten“ verwenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>No fields.</source>
        <translation>Keine Felder.</translation>
    </message>
    <message>
        <source>Also in the value, kept as they are (Edit as JSON to change them): %1</source>
        <translation>Ebenfalls im Wert und unverändert übernommen (zum Ändern „Als JSON bearbeiten“): %1</translation>
    </message>
    <message>
        <source>No members are allowed: the value is an empty object.</source>
        <translation>Keine Einträge erlaubt: Der Wert ist ein leeres Objekt.</translation>
    </message>
    <message>
        <source>Whether this optional list is part of the value</source>
        <translation>Ob diese optionale Liste Teil des Werts ist</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Element hinzufügen</translation>
    </message>
    <message>
        <source>Add an item at the end</source>
        <translation>Ein Element am Ende hinzufügen</translation>
    </message>
    <message>
        <source>No items are allowed.</source>
        <translation>Keine Elemente erlaubt.</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Element %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Dieses Element entfernen</translation>
    </message>
    <message>
        <source>Which of the options the value is</source>
        <translation>Welcher der Varianten der Wert entspricht</translation>
    </message>
    <message>
        <source>Expand</source>
        <translation>Erweitern</translation>
    </message>
    <message>
        <source>Fill in one more level of this schema, which contains itself</source>
        <translation>Eine weitere Ebene dieses Schemas ausfüllen, das sich selbst enthält</translation>
    </message>
    <message>
        <source>Holds %1</source>
        <translation>Enthält %1</translation>
    </message>
    <message>
        <source>The text is not JSON: %1</source>
        <translation>Der Text ist kein JSON: %1</translation>
    </message>
    <message>
        <source>The value was not checked against the schema: %1</source>
        <translation>Der Wert wurde nicht gegen das Schema geprüft: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Edit as JSON</source>
        <translation>Als JSON bearbeiten</translation>
    </message>
    <message>
        <source>Edit the whole value as JSON text, and back</source>
        <translation>Den ganzen Wert als JSON-Text bearbeiten und zurück</translation>
    </message>
    <message>
        <source>Fill in examples</source>
        <translation>Beispiele einfüllen</translation>
    </message>
    <message>
        <source>Fill every field with its default, an example or a typical value</source>
        <translation>Jedes Feld mit seinem Standardwert, einem Beispiel oder einem typischen Wert füllen</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Sign in with one of the ways the agent&apos;s card offers. Secrets stay in this dialog, the keychain and the requests to the agent; they are masked everywhere else.</source>
        <translation>Melden Sie sich auf einem der Wege an, die die Karte des Agenten anbietet. Geheimnisse bleiben in diesem Dialog, im Schlüsselbund und in den Anfragen an den Agenten; überall sonst werden sie maskiert.</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (optional)</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Keep what this sign-in gets in memory only, for this run</source>
        <translation>Was diese Anmeldung erhält, nur im Arbeitsspeicher behalten, für diesen Programmlauf</translation>
    </message>
    <message>
        <source>Nothing is kept after this sign-in.</source>
        <translation>Nach dieser Anmeldung wird nichts aufbewahrt.</translation>
    </message>
    <message>
        <source>There is no keychain in this run: secrets and tokens are kept in memory until Crosstalk quits.</source>
        <translation>In diesem Programmlauf gibt es keinen Schlüsselbund: Geheimnisse und Tokens werden im Arbeitsspeicher aufbewahrt, bis Crosstalk beendet wird.</translation>
    </message>
    <message>
        <source>Tokens and client registrations are kept in the operating system&apos;s keychain.</source>
        <translation>Tokens und Client-Registrierungen werden im Schlüsselbund des Betriebssystems aufbewahrt.</translation>
    </message>
    <message>
        <source>No keychain is available (%1). What you sign in with is kept in memory for this run only, never in a file.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1). Womit Sie sich anmelden, wird nur für diesen Programmlauf im Arbeitsspeicher aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Sign In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>The card declares no security scheme: there is nothing to sign in with.</source>
        <translation>Die Karte deklariert kein Sicherheitsschema: Es gibt nichts, womit man sich anmelden könnte.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Optional: Crosstalk registers itself where the server allows it</source>
        <translation>Optional: Crosstalk registriert sich selbst, wo der Server es zulässt</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Client-Secret:</translation>
    </message>
    <message>
        <source>Optional: for a confidential client</source>
        <translation>Optional: für einen vertraulichen Client</translation>
    </message>
    <message>
        <source>Signed in. Calls to the agent now go with this sign-in.</source>
        <translation>Angemeldet. Aufrufe des Agenten erfolgen jetzt mit dieser Anmeldung.</translation>
    </message>
    <message>
        <source>The sign-in failed: %1</source>
        <translation>Die Anmeldung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <source>Cancel Sign-In</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Signed in, but the keychain could not keep the tokens (%1): they serve until Crosstalk quits.</source>
        <translation>Angemeldet, aber der Schlüsselbund konnte die Tokens nicht aufbewahren (%1): Sie gelten nur, bis Crosstalk beendet wird.</translation>
    </message>
    <message>
        <source>Signed in, but the keychain could not keep what you typed (%1): you will be asked again in the next run.</source>
        <translation>Angemeldet, aber der Schlüsselbund konnte Ihre Eingaben nicht aufbewahren (%1): Beim nächsten Programmlauf werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <source>Signed in. Calls to the agent now go with this sign-in, and the keychain keeps it for the next run.</source>
        <translation>Angemeldet. Aufrufe des Agenten erfolgen jetzt mit dieser Anmeldung, und der Schlüsselbund bewahrt sie für den nächsten Programmlauf auf.</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::TaskListModel</name>
    <message>
        <source>(gone)</source>
        <translation>(entfernt)</translation>
    </message>
    <message>
        <source>Protocol issues:
%1</source>
        <translation>Protokollprobleme:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n issue(s))</source>
        <translation>
            <numerusform>%1 (%n Problem)</numerusform>
            <numerusform>%1 (%n Probleme)</numerusform>
        </translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>Artefakte</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::TaskTimeline</name>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>status update</source>
        <translation>Statusmeldung</translation>
    </message>
    <message>
        <source>artifact chunk</source>
        <translation>Artefaktstück</translation>
    </message>
    <message>
        <source>message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>resubscribed</source>
        <translation>erneut abonniert</translation>
    </message>
    <message>
        <source>poll</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>protocol issue</source>
        <translation>Protokollproblem</translation>
    </message>
    <message>
        <source>[file %1]</source>
        <translation>[Datei %1]</translation>
    </message>
    <message>
        <source>[data]</source>
        <translation>[Daten]</translation>
    </message>
    <message>
        <source>Task timeline</source>
        <translation>Zeitleiste der Aufgaben</translation>
    </message>
    <message>
        <source>One lane per task: its states over time and the events that reached it.</source>
        <translation>Eine Bahn je Aufgabe: ihre Zustände über die Zeit und die Ereignisse, die sie erreicht haben.</translation>
    </message>
    <message>
        <source>Ctrl+wheel or +/- zoom (around the pointer, or around now while following live); drag, Shift+wheel or Left/Right pan; the wheel scrolls the tasks; Up/Down choose a task; Home shows everything; F or End follows live. Click a marker or a state for the whole event.</source>
        <translation>Strg+Mausrad oder +/- zoomen (um den Zeiger oder, beim Live-Folgen, um jetzt); Ziehen, Umschalt+Mausrad oder Links/Rechts verschieben; das Mausrad blättert durch die Aufgaben; Auf/Ab wählen eine Aufgabe; Pos1 zeigt alles; F oder Ende folgt live. Ein Klick auf eine Markierung oder einen Zustand zeigt das ganze Ereignis.</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>, appended</source>
        <translation>, angehängt</translation>
    </message>
    <message>
        <source>, last chunk</source>
        <translation>, letztes Stück</translation>
    </message>
    <message>
        <source>Artifact: %1%2</source>
        <translation>Artefakt: %1%2</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>unknown role</source>
        <translation>unbekannte Rolle</translation>
    </message>
    <message>
        <source>Message from %1: %2</source>
        <translation>Nachricht von %1: %2</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>eingereicht</translation>
    </message>
    <message>
        <source>working</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>input required</source>
        <translation>Eingabe nötig</translation>
    </message>
    <message>
        <source>auth required</source>
        <translation>Autorisierung nötig</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>push delivery</source>
        <translation>Push-Zustellung</translation>
    </message>
    <message>
        <source>hollow: came by push</source>
        <translation>hohl: kam per Push</translation>
    </message>
    <message>
        <source>No tasks yet: each task gets a lane here as it starts.</source>
        <translation>Noch keine Aufgaben: Jede Aufgabe erhält hier eine Bahn, sobald sie beginnt.</translation>
    </message>
    <message>
        <source>Task %1</source>
        <translation>Aufgabe %1</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::TasksView</name>
    <message numerus="yes">
        <source>(%n base64 character(s))</source>
        <translation>
            <numerusform>(%n Base64-Zeichen)</numerusform>
            <numerusform>(%n Base64-Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Click a marker or a segment on the timeline to see its event.</source>
        <translation>Klicken Sie auf eine Markierung oder einen Abschnitt der Zeitleiste, um sein Ereignis zu sehen.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Push Inbox</source>
        <translation>Push-Eingang</translation>
    </message>
    <message>
        <source>Push Inbox (%1)</source>
        <translation>Push-Eingang (%1)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the agent for the task as it is now (GetTask)</source>
        <translation>Den Agenten nach dem jetzigen Stand der Aufgabe fragen (GetTask)</translation>
    </message>
    <message>
        <source>Cancel Task</source>
        <translation>Aufgabe abbrechen</translation>
    </message>
    <message>
        <source>Ask the agent to cancel the task (CancelTask)</source>
        <translation>Den Agenten bitten, die Aufgabe abzubrechen (CancelTask)</translation>
    </message>
    <message>
        <source>Resubscribe</source>
        <translation>Erneut abonnieren</translation>
    </message>
    <message>
        <source>Follow the task on a new stream (SubscribeToTask), or by polling</source>
        <translation>Der Aufgabe über einen neuen Stream (SubscribeToTask) oder durch Abfragen folgen</translation>
    </message>
    <message>
        <source>Follow Live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>Keep now at the right edge of the timeline (F)</source>
        <translation>Den jetzigen Zeitpunkt am rechten Rand der Zeitleiste halten (F)</translation>
    </message>
    <message>
        <source>Fit All</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show every event of every task (Home)</source>
        <translation>Jedes Ereignis jeder Aufgabe zeigen (Pos1)</translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation>Aufgabe %1: %2</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::TrafficInspector</name>
    <message>
        <source>Filter: words, method:…, connection:…, id:…, status:4xx, is:error, /regex/</source>
        <translation>Filter: Wörter, method:…, connection:…, id:…, status:4xx, is:error, /Regex/</translation>
    </message>
    <message>
        <source>All connections</source>
        <translation>Alle Verbindungen</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop adding new messages to the list (they are kept)</source>
        <translation>Keine neuen Nachrichten mehr in die Liste aufnehmen (sie bleiben erhalten)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Forget every recorded message</source>
        <translation>Alle aufgezeichneten Nachrichten vergessen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <source>Write the recorded messages as NDJSON (secrets redacted)</source>
        <translation>Die aufgezeichneten Nachrichten als NDJSON schreiben (Geheimnisse geschwärzt)</translation>
    </message>
    <message>
        <source>Go to linked</source>
        <translation>Zum Gegenstück</translation>
    </message>
    <message>
        <source>Select the request this answers, or the answer to this request</source>
        <translation>Die Anfrage wählen, die dies beantwortet, oder die Antwort auf diese Anfrage</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <source>Copy this HTTP request as a curl command (secrets stay masked)</source>
        <translation>Diese HTTP-Anfrage als curl-Befehl kopieren (Geheimnisse bleiben verdeckt)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) shown</source>
        <translation>
            <numerusform>%n Nachricht gezeigt</numerusform>
            <numerusform>%n Nachrichten gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>JSON tree</source>
        <translation>JSON-Baum</translation>
    </message>
    <message>
        <source>Choose a message to see it here.</source>
        <translation>Eine Nachricht wählen, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>Wird aufbereitet …</translation>
    </message>
    <message>
        <source>(the body was cut short when it was recorded)</source>
        <translation>(der Inhalt wurde bei der Aufzeichnung gekürzt)</translation>
    </message>
    <message>
        <source>Export the traffic</source>
        <translation>Den Verkehr exportieren</translation>
    </message>
    <message>
        <source>NDJSON (*.ndjson *.jsonl)</source>
        <translation>NDJSON (*.ndjson *.jsonl)</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::TrafficModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>HTTP request</source>
        <translation>HTTP-Anfrage</translation>
    </message>
    <message>
        <source>HTTP response</source>
        <translation>HTTP-Antwort</translation>
    </message>
    <message>
        <source>SSE event</source>
        <translation>SSE-Ereignis</translation>
    </message>
    <message>
        <source>stdio</source>
        <translation>stdio</translation>
    </message>
    <message>
        <source>batch of %1</source>
        <translation>Stapel von %1</translation>
    </message>
    <message>
        <source> (notification)</source>
        <translation> (Benachrichtigung)</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ungültig</translation>
    </message>
</context>
<context>
    <name>crosstalk::ui::WorkspaceModel</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbindet …</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Agents (%1)</source>
        <translation>Agenten (%1)</translation>
    </message>
    <message>
        <source>MCP servers (%1)</source>
        <translation>MCP-Server (%1)</translation>
    </message>
</context>
<context>
    <name>crosstalk::workspace::AgentSessions</name>
    <message>
        <source>The agent&apos;s card no longer offers the way you signed in last time (%1); sign in again.</source>
        <translation>Die Karte des Agenten bietet den Weg, auf dem Sie sich zuletzt angemeldet haben (%1), nicht mehr an; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>nothing is kept for “%1”</source>
        <translation>für „%1“ ist nichts aufbewahrt</translation>
    </message>
    <message>
        <source>The last sign-in could not be set up again: %1. Sign in again.</source>
        <translation>Die letzte Anmeldung konnte nicht wiederhergestellt werden: %1. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>the keychain could not read “%1” (%2)</source>
        <translation>der Schlüsselbund konnte „%1“ nicht lesen (%2)</translation>
    </message>
    <message>
        <source>the keychain holds no credential “%1”</source>
        <translation>der Schlüsselbund enthält keine Zugangsdaten „%1“</translation>
    </message>
</context>
<context>
    <name>crosstalk::workspace::McpSessions</name>
    <message>
        <source>There is no MCP server with this id in the workspace.</source>
        <translation>Im Arbeitsbereich gibt es keinen MCP-Server mit dieser ID.</translation>
    </message>
    <message>
        <source>The server has no command to start.</source>
        <translation>Der Server hat keinen Befehl zum Starten.</translation>
    </message>
    <message>
        <source>The environment variable %1 is a secret whose value is not known in this run: edit the server and give it.</source>
        <translation>Die Umgebungsvariable %1 ist ein Geheimnis, dessen Wert in diesem Programmlauf nicht bekannt ist: Bearbeiten Sie den Server und geben Sie ihn an.</translation>
    </message>
    <message>
        <source>The server&apos;s address must be an http or https URL.</source>
        <translation>Die Adresse des Servers muss eine http- oder https-URL sein.</translation>
    </message>
    <message>
        <source>The header %1 is a secret whose value is not known in this run: edit the server and give it.</source>
        <translation>Der Header %1 ist ein Geheimnis, dessen Wert in diesem Programmlauf nicht bekannt ist: Bearbeiten Sie den Server und geben Sie ihn an.</translation>
    </message>
    <message>
        <source>A server started over stdio takes its credentials from its environment; OAuth is for servers over HTTP.</source>
        <translation>Ein über stdio gestarteter Server bezieht seine Zugangsdaten aus seiner Umgebung; OAuth ist für Server über HTTP gedacht.</translation>
    </message>
    <message>
        <source>Signing in with OAuth needs the Streamable HTTP transport; this server is set to HTTP+SSE.</source>
        <translation>Die Anmeldung mit OAuth braucht den Transport Streamable HTTP; dieser Server ist auf HTTP+SSE eingestellt.</translation>
    </message>
    <message>
        <source>OAuth is turned off for this server (Edit… in the server's context menu turns it on).</source>
        <translation>OAuth ist für diesen Server ausgeschaltet („Bearbeiten …“ im Kontextmenü des Servers schaltet es ein).</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1); tokens are kept in memory for this run only.</source>
        <translation>Der Schlüsselbund konnte nicht gelesen werden (%1); Tokens werden nur für diesen Programmlauf im Arbeitsspeicher aufbewahrt.</translation>
    </message>
    <message>
        <source>The keychain did not keep the tokens (%1); they are kept in memory for this run only.</source>
        <translation>Der Schlüsselbund hat die Tokens nicht aufbewahrt (%1); sie werden nur für diesen Programmlauf im Arbeitsspeicher aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>crosstalk::workspace::WorkspaceStore</name>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 ließ sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 ließ sich nicht schreiben: %2</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 gibt es nicht.</translation>
    </message>
</context>
<context>
    <name>crosstalk::workspace::workspace_file</name>
    <message>
        <source>%1.%2: expected a string</source>
        <translation>%1.%2: eine Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>%1.%2: expected a list</source>
        <translation>%1.%2: eine Liste erwartet</translation>
    </message>
    <message>
        <source>%1: expected an object with a name and a value</source>
        <translation>%1: ein Objekt mit Name und Wert erwartet</translation>
    </message>
    <message>
        <source>%1.name: missing</source>
        <translation>%1.name: fehlt</translation>
    </message>
    <message>
        <source>it has no id</source>
        <translation>sie hat keine ID</translation>
    </message>
    <message>
        <source>the agent&apos;s URL is not an http or https URL</source>
        <translation>die URL des Agenten ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>the transport “%1” is not one of stdio, auto, streamable-http, sse</source>
        <translation>der Transport „%1“ ist keiner von stdio, auto, streamable-http, sse</translation>
    </message>
    <message>
        <source>the era “%1” is not one of auto, legacy, modern</source>
        <translation>die Ära „%1“ ist keine von auto, legacy, modern</translation>
    </message>
    <message>
        <source>a stdio server needs a command</source>
        <translation>ein stdio-Server braucht einen Befehl</translation>
    </message>
    <message>
        <source>the server&apos;s URL is not an http or https URL</source>
        <translation>die URL des Servers ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>Die Datei ist größer als %1 MiB.</translation>
    </message>
    <message>
        <source>The file is nested too deeply (at %1).</source>
        <translation>Die Datei ist zu tief verschachtelt (bei %1).</translation>
    </message>
    <message>
        <source>The file is not JSON (at byte %1: %2).</source>
        <translation>Die Datei ist kein JSON (bei Byte %1: %2).</translation>
    </message>
    <message>
        <source>The file is not a Crosstalk workspace (its “format” is not “crosstalk-workspace”).</source>
        <translation>Die Datei ist kein Crosstalk-Arbeitsbereich (ihr „format“ ist nicht „crosstalk-workspace“).</translation>
    </message>
    <message>
        <source>version: expected a whole number of 1 or more</source>
        <translation>version: eine ganze Zahl ab 1 erwartet</translation>
    </message>
    <message>
        <source>The workspace was written by a newer Crosstalk (file version %1; this one reads %2).</source>
        <translation>Der Arbeitsbereich stammt von einem neueren Crosstalk (Dateiversion %1; dieses liest %2).</translation>
    </message>
    <message>
        <source>connections: expected a list</source>
        <translation>connections: eine Liste erwartet</translation>
    </message>
    <message>
        <source>%1: expected an object</source>
        <translation>%1: ein Objekt erwartet</translation>
    </message>
    <message>
        <source>%1.kind: expected “agent” or “mcp”, found “%2”</source>
        <translation>%1.kind: „agent“ oder „mcp“ erwartet, „%2“ gefunden</translation>
    </message>
    <message>
        <source>%1.arguments: expected a list of strings</source>
        <translation>%1.arguments: eine Liste von Zeichenketten erwartet</translation>
    </message>
    <message>
        <source>%1.id: “%2” is used twice</source>
        <translation>%1.id: „%2“ kommt zweimal vor</translation>
    </message>
    <message>
        <source>%1.oauth: expected true or false</source>
        <translation>%1.oauth: true oder false erwartet</translation>
    </message>
    <message>
        <source>%1.signInCredentials: expected an object of at most 64 scheme names and credential names</source>
        <translation>%1.signInCredentials: ein Objekt aus höchstens 64 Schemanamen und Namen von Zugangsdaten erwartet</translation>
    </message>
    <message>
        <source>%1.signInCredentials.%2: expected a credential&apos;s name</source>
        <translation>%1.signInCredentials.%2: den Namen von Zugangsdaten erwartet</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Crosstalk, a desktop inspector and playground for A2A agents and MCP servers.</source>
        <translation>Crosstalk, ein Desktop-Werkzeug zum Untersuchen und Ausprobieren von A2A-Agenten und MCP-Servern.</translation>
    </message>
    <message>
        <source>Open the workspace in FILE, and save it there.</source>
        <translation>Den Arbeitsbereich in DATEI öffnen und dort speichern.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
</context>
</TS>
