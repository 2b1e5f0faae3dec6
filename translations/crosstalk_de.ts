<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
    <name>SseParser</name>
    <message>
        <source>Event stream: an event at byte %1 is larger than the limit of %2 bytes; the stream was stopped.</source>
        <translation>Ereignisstrom: Ein Ereignis bei Byte %1 ist größer als die Grenze von %2 Bytes; der Strom wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>crosstalk-cli</name>
    <message>
        <source>Crosstalk&apos;s headless tool: inspect A2A agents and MCP servers from scripts.</source>
        <translation>Das Kommandozeilenwerkzeug von Crosstalk: A2A-Agenten und MCP-Server aus Skripten heraus untersuchen.</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>Die auszuführende Aktion.</translation>
    </message>
    <message>
        <source>crosstalk-cli: unknown command &apos;%1&apos;; see --help.</source>
        <translation>crosstalk-cli: unbekannter Befehl „%1“; siehe --help.</translation>
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
        <source>This window will show the A2A agents and MCP servers you connect to: their cards, tasks, tools, resources and prompts, and the traffic exchanged with them.</source>
        <translation>Dieses Fenster wird die A2A-Agenten und MCP-Server zeigen, mit denen Sie sich verbinden: ihre Agent Cards, Aufgaben, Werkzeuge, Ressourcen und Prompts sowie den Datenverkehr mit ihnen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Crosstalk, a desktop inspector and playground for A2A agents and MCP servers.</source>
        <translation>Crosstalk, ein Desktop-Werkzeug zum Untersuchen und Ausprobieren von A2A-Agenten und MCP-Servern.</translation>
    </message>
</context>
</TS>
