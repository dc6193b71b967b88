<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ActorRole</name>
    <message>
        <source>kitchen staff</source>
        <translation>el personal de cocina</translation>
    </message>
    <message>
        <source>a manager</source>
        <translation>un encargado</translation>
    </message>
    <message>
        <source>the POS</source>
        <translation>el TPV</translation>
    </message>
    <message>
        <source>the platform</source>
        <translation>la plataforma</translation>
    </message>
    <message>
        <source>auto-accept</source>
        <translation>la aceptación automática</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>el sistema</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Press %1 or tap an alert once you have dealt with it</source>
        <translation>Pulse %1 o toque una alerta cuando la haya atendido</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n más</numerusform>
            <numerusform>+ %n más</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Select a ticket first.</source>
        <translation>Primero seleccione una comanda.</translation>
    </message>
    <message>
        <source>Nothing to recall: no ticket was handed over in the last %1 min.</source>
        <translation>Nada que recuperar: no se ha entregado ninguna comanda en los últimos %1 min.</translation>
    </message>
    <message>
        <source>Order %1 is not on this console.</source>
        <translation>El pedido %1 no está en esta consola.</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>Enter bump  ·  R recall  ·  X reject  ·  1–9 select  ·  A alert seen</source>
        <translation>Enter despachar  ·  R recuperar  ·  X rechazar  ·  1–9 elegir  ·  A alerta vista</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n abierto</numerusform>
            <numerusform>%n abiertos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoardOptions</name>
    <message>
        <source>Kitchen is closing</source>
        <translation>La cocina va a cerrar</translation>
    </message>
    <message>
        <source>Too busy</source>
        <translation>Demasiado trabajo</translation>
    </message>
    <message>
        <source>Item unavailable</source>
        <translation>Producto no disponible</translation>
    </message>
    <message>
        <source>Cannot meet the requested time</source>
        <translation>No llegamos a la hora pedida</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>Sospecha de fraude</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>Kitchen board</source>
        <translation>Pantalla de cocina</translation>
    </message>
</context>
<context>
    <name>ConsoleCommandLine</name>
    <message>
        <source>The kitchen board: new tickets, bump, recall, reject.</source>
        <translation>La pantalla de cocina: comandas nuevas, despachar, recuperar, rechazar.</translation>
    </message>
    <message>
        <source>The store file (default: in the application data folder).</source>
        <translation>El archivo de datos del local (por defecto: en la carpeta de datos de la aplicación).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>This store&apos;s id.</source>
        <translation>El identificador de este local.</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>This console&apos;s id, recorded on every event.</source>
        <translation>El identificador de esta consola, que queda registrado en cada evento.</translation>
    </message>
    <message>
        <source>Who is bumping tickets (default: from the settings).</source>
        <translation>Quién despacha las comandas (por defecto: según los ajustes).</translation>
    </message>
    <message>
        <source>The preselected prep-time quote when accepting (default: from the settings).</source>
        <translation>El tiempo de preparación preseleccionado al aceptar (por defecto: según los ajustes).</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>The settings file (INI) for thresholds, stations, keys and the look.</source>
        <translation>El archivo de ajustes (INI) con los umbrales, las partidas, las teclas y el aspecto.</translation>
    </message>
    <message>
        <source>Show one station&apos;s items, or &quot;expo&quot; for whole orders.</source>
        <translation>Muestra los productos de una partida, o &quot;expo&quot; para ver los pedidos completos.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Demo mode: a temporary store and simulated orders.</source>
        <translation>Modo demostración: datos temporales y pedidos simulados.</translation>
    </message>
    <message>
        <source>Demo orders per minute.</source>
        <translation>Pedidos por minuto de la demostración.</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Demo random seed.</source>
        <translation>Semilla aleatoria de la demostración.</translation>
    </message>
    <message>
        <source>Save a PNG of the window after --screenshot-delay, print its path and quit.</source>
        <translation>Guarda un PNG de la ventana tras --screenshot-delay, muestra su ruta y sale.</translation>
    </message>
    <message>
        <source>Milliseconds before the screenshot.</source>
        <translation>Milisegundos antes de la captura.</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Quit after this many seconds.</source>
        <translation>Sale al cabo de estos segundos.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>Fill the screen.</source>
        <translation>Ocupa toda la pantalla.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1600x900.</source>
        <translation>Tamaño de la ventana, p. ej. 1600x900.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>ANCHOxALTO</translation>
    </message>
    <message>
        <source>The platform&apos;s WebSocket address (wss://host:port, or ws://127.0.0.1:port).</source>
        <translation>La dirección WebSocket de la plataforma (wss://host:puerto, o ws://127.0.0.1:puerto).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Also trust this PEM CA certificate for wss://.</source>
        <translation>Confía también en este certificado de CA (PEM) para wss://.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Read this console&apos;s platform secret from stdin (one line), keep it in the keyring and exit.</source>
        <translation>Lee de la entrada estándar (una línea) el secreto de plataforma de esta consola, lo guarda en el llavero y sale.</translation>
    </message>
    <message>
        <source>The order-hub program the demo starts.</source>
        <translation>El programa order-hub que arranca la demostración.</translation>
    </message>
    <message>
        <source>--hub needs ws://127.0.0.1:PORT or wss://HOST:PORT.</source>
        <translation>--hub necesita ws://127.0.0.1:PUERTO o wss://HOST:PUERTO.</translation>
    </message>
    <message>
        <source>--store-id, --console-id and --staff must not be empty.</source>
        <translation>--store-id, --console-id y --staff no pueden estar vacíos.</translation>
    </message>
    <message>
        <source>--prep-minutes and --rate need a number above 0; --seed and --screenshot-delay a number of at least 0.</source>
        <translation>--prep-minutes y --rate necesitan un número mayor que 0; --seed y --screenshot-delay, un número mayor o igual que 0.</translation>
    </message>
    <message>
        <source>--quit-after needs a number of seconds above 0.</source>
        <translation>--quit-after necesita un número de segundos mayor que 0.</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT, at least 320x240.</source>
        <translation>--size necesita ANCHOxALTO, como mínimo 320x240.</translation>
    </message>
    <message>
        <source>The board&apos;s language, e.g. es (default: from the settings, else the system&apos;s).</source>
        <translation>El idioma de la pantalla, p. ej. es (por defecto: el de los ajustes o, si no hay, el del sistema).</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>--lang needs a language name such as es or es_MX.</source>
        <translation>--lang necesita un nombre de idioma como es o es_MX.</translation>
    </message>
</context>
<context>
    <name>DemoFeed</name>
    <message>
        <source>Customer cancelled</source>
        <translation>Cancelado por el cliente</translation>
    </message>
</context>
<context>
    <name>DemoHub</name>
    <message>
        <source>order-hub not found next to kitchen-console</source>
        <translation>no se encontró order-hub junto a kitchen-console</translation>
    </message>
    <message>
        <source>no temporary folder for the demo hub: %1</source>
        <translation>no hay carpeta temporal para el hub de la demostración: %1</translation>
    </message>
    <message>
        <source>order-hub not found at %1</source>
        <translation>no se encontró order-hub en %1</translation>
    </message>
    <message>
        <source>order-hub stopped before it was ready (exit code %1): %2</source>
        <translation>order-hub se detuvo antes de estar listo (código de salida %1): %2</translation>
    </message>
</context>
<context>
    <name>KeyMap</name>
    <message>
        <source>Bump the selected ticket</source>
        <translation>Despachar la comanda seleccionada</translation>
    </message>
    <message>
        <source>Recall a bumped ticket</source>
        <translation>Recuperar una comanda despachada</translation>
    </message>
    <message>
        <source>Reject the order</source>
        <translation>Rechazar el pedido</translation>
    </message>
    <message>
        <source>Delay the promised time</source>
        <translation>Retrasar la hora prometida</translation>
    </message>
    <message>
        <source>Pause or resume the store</source>
        <translation>Pausar o reanudar el local</translation>
    </message>
    <message>
        <source>Show the all-day counts</source>
        <translation>Mostrar el recuento total (all-day)</translation>
    </message>
    <message>
        <source>Next station view</source>
        <translation>Ver la siguiente partida</translation>
    </message>
    <message>
        <source>Acknowledge the oldest alert</source>
        <translation>Dar por vista la alerta más antigua</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Show the keys</source>
        <translation>Mostrar las teclas</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kitchen Console</source>
        <translation>Consola de cocina</translation>
    </message>
    <message>
        <source>Order %1 %2. Press R to recall it.</source>
        <translation>Pedido %1 %2. Pulse R para recuperarlo.</translation>
    </message>
    <message>
        <source>Order %1 recalled: back to %2.</source>
        <translation>Pedido %1 recuperado: vuelve a estar %2.</translation>
    </message>
    <message>
        <source>Order %1 rejected: %2</source>
        <translation>Pedido %1 rechazado: %2</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
</context>
<context>
    <name>OrderEngine</name>
    <message>
        <source>The order changed meanwhile; nothing was done. (%1)</source>
        <translation>El pedido cambió mientras tanto; no se ha hecho nada. (%1)</translation>
    </message>
    <message>
        <source>The change could not be saved; nothing was done. (%1)</source>
        <translation>No se pudo guardar el cambio; no se ha hecho nada. (%1)</translation>
    </message>
    <message>
        <source>There is no order %1 on this console.</source>
        <translation>No hay ningún pedido %1 en esta consola.</translation>
    </message>
    <message>
        <source>Order %1 is %2; there is no next step for the kitchen.</source>
        <translation>El pedido %1 está %2; a la cocina no le queda ningún paso más.</translation>
    </message>
    <message>
        <source>Order %1 belongs to store %2, not to this store (%3).</source>
        <translation>El pedido %1 es del local %2, no de este local (%3).</translation>
    </message>
    <message>
        <source>An incoming change was refused: %1</source>
        <translation>Se rechazó un cambio entrante: %1</translation>
    </message>
    <message>
        <source>Order %1: the platform refused &quot;%2&quot;: %3</source>
        <translation>Pedido %1: la plataforma rechazó «%2»: %3</translation>
    </message>
    <message>
        <source>the customer</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <source>Order %1 was cancelled by %2 at %3 while this console was offline: stop preparing it.</source>
        <translation>El pedido %1 fue cancelado por %2 a las %3 mientras esta consola estaba sin conexión: dejen de prepararlo.</translation>
    </message>
    <message>
        <source>Order %1 is %2 since %3 on the platform; this console&apos;s last change to it did not count.</source>
        <translation>El pedido %1 está %2 desde las %3 en la plataforma; el último cambio que le hizo esta consola no se tuvo en cuenta.</translation>
    </message>
</context>
<context>
    <name>OrderModel</name>
    <message>
        <source>Order %1, %2, %3</source>
        <translation>Pedido %1, %2, %3</translation>
    </message>
</context>
<context>
    <name>OrderState</name>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>en cocina</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>listo</translation>
    </message>
    <message>
        <source>picked up</source>
        <translation>recogido</translation>
    </message>
    <message>
        <source>out for delivery</source>
        <translation>en reparto</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>entregado</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rechazado</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>reembolsado</translation>
    </message>
</context>
<context>
    <name>OrderType</name>
    <message>
        <source>pickup</source>
        <translation>para llevar</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>a domicilio</translation>
    </message>
    <message>
        <source>dine-in</source>
        <translation>en sala</translation>
    </message>
</context>
<context>
    <name>PlatformConnection</name>
    <message>
        <source>No credential for console %1 of store %2: run kitchen-console --enroll</source>
        <translation>No hay credencial para la consola %1 del local %2: ejecute kitchen-console --enroll</translation>
    </message>
</context>
<context>
    <name>PlatformLink</name>
    <message>
        <source>%1 is not a WebSocket address (ws:// or wss://).</source>
        <translation>%1 no es una dirección WebSocket (ws:// o wss://).</translation>
    </message>
    <message>
        <source>Unencrypted ws:// is only allowed to this machine; use wss:// for %1.</source>
        <translation>ws:// sin cifrar solo se permite hacia este equipo; use wss:// para %1.</translation>
    </message>
    <message>
        <source>The platform&apos;s certificate was not accepted: %1</source>
        <translation>No se aceptó el certificado de la plataforma: %1</translation>
    </message>
    <message>
        <source>The platform refused this console: %1</source>
        <translation>La plataforma rechazó esta consola: %1</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject order %1</source>
        <translation>Rechazar el pedido %1</translation>
    </message>
    <message>
        <source>Why can&apos;t the kitchen take order %1?</source>
        <translation>¿Por qué no puede la cocina aceptar el pedido %1?</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Producto agotado</translation>
    </message>
    <message>
        <source>Kitchen too busy</source>
        <translation>Cocina saturada</translation>
    </message>
    <message>
        <source>Closing soon</source>
        <translation>Cerramos pronto</translation>
    </message>
    <message>
        <source>Can&apos;t make this order</source>
        <translation>No podemos preparar este pedido</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Otro…</translation>
    </message>
    <message>
        <source>Type the reason</source>
        <translation>Escriba el motivo</translation>
    </message>
    <message>
        <source>Reject order</source>
        <translation>Rechazar pedido</translation>
    </message>
</context>
<context>
    <name>StateMachine</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Order %1 is %2; nothing more can happen to it.</source>
        <translation>El pedido %1 está %2; ya no admite más cambios.</translation>
    </message>
    <message>
        <source>Order %1 is already %2.</source>
        <translation>El pedido %1 ya está %2.</translation>
    </message>
    <message>
        <source>Order %1 is %2; it can&apos;t go to %3 from there (next: %4).</source>
        <translation>El pedido %1 está %2; desde ahí no puede pasar a %3 (siguiente: %4).</translation>
    </message>
    <message>
        <source>Order %1 is a %2 order; &quot;%3&quot; doesn&apos;t apply to it.</source>
        <translation>El pedido %1 es un pedido %2; «%3» no corresponde.</translation>
    </message>
    <message>
        <source>%1 can&apos;t mark order %2 %3; only %4 can.</source>
        <translation>%1 no puede marcar el pedido %2 como %3; solo puede hacerlo %4.</translation>
    </message>
    <message>
        <source>Accepting order %1 needs a promised ready time.</source>
        <translation>Para aceptar el pedido %1 hace falta prometer una hora a la que estará listo.</translation>
    </message>
    <message>
        <source>Marking order %1 %2 needs a reason.</source>
        <translation>Para marcar el pedido %1 como %2 hace falta un motivo.</translation>
    </message>
    <message>
        <source>Order %1 is %2; only ready or picked-up tickets can be recalled.</source>
        <translation>El pedido %1 está %2; solo se pueden recuperar comandas listas o recogidas.</translation>
    </message>
    <message>
        <source>Order %1 is a %2 order; it can&apos;t be recalled from %3.</source>
        <translation>El pedido %1 es un pedido %2; no se puede recuperar si está %3.</translation>
    </message>
    <message>
        <source>%1 can&apos;t recall order %2; only %3 can.</source>
        <translation>%1 no puede recuperar el pedido %2; solo puede hacerlo %3.</translation>
    </message>
    <message>
        <source>Order %1 was bumped %2 ago; tickets can only be recalled within %3.</source>
        <translation>El pedido %1 se despachó hace %2; las comandas solo se pueden recuperar en un plazo de %3.</translation>
    </message>
</context>
<context>
    <name>SyncStatusView</name>
    <message>
        <source>Platform link</source>
        <translation>Conexión con la plataforma</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>%1:%2:%3</source>
        <translation>%1:%2:%3</translation>
    </message>
    <message>
        <source>All changes sent</source>
        <translation>Todo enviado</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 por enviar</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 por enviar</translation>
    </message>
    <message>
        <source>%1 · oldest %2</source>
        <translation>%1 · desde hace %2</translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Solo local</translation>
    </message>
    <message>
        <source>No platform link</source>
        <translation>Sin plataforma</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>OFFLINE</source>
        <translation>SIN RED</translation>
    </message>
    <message>
        <source>Platform silent for %1</source>
        <translation>Sin señal · %1</translation>
    </message>
</context>
<context>
    <name>TicketDelegate</name>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message numerus="yes">
        <source>+%n more…</source>
        <translation>
            <numerusform>+%n más…</numerusform>
            <numerusform>+%n más…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketFormat</name>
    <message>
        <source>due in %1 min</source>
        <translation>en %1 min</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>para ya</translation>
    </message>
    <message>
        <source>late %1 min</source>
        <translation>retraso %1 min</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>just ready</source>
        <translation>recién hecho</translation>
    </message>
    <message>
        <source>waiting %1 min</source>
        <translation>esperando %1 min</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>No secret on stdin.</source>
        <translation>No hay ningún secreto en la entrada estándar.</translation>
    </message>
    <message>
        <source>credential saved for console %1 of store %2</source>
        <translation>credencial guardada para la consola %1 del local %2</translation>
    </message>
    <message>
        <source>No PEM certificate in %1</source>
        <translation>No hay ningún certificado PEM en %1</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>No se pudo escribir %1</translation>
    </message>
    <message>
        <source>Kitchen Console</source>
        <translation>Consola de cocina</translation>
    </message>
    <message>
        <source>Demo without platform: %1</source>
        <translation>Demostración sin plataforma: %1</translation>
    </message>
</context>
</TS>
