<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept order %1</source>
        <translation>Aceptar el pedido %1</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Order %1: ready in how many minutes?</source>
        <translation>Pedido %1: ¿listo en cuántos minutos?</translation>
    </message>
    <message>
        <source>Promised ready at %1</source>
        <translation>Prometido para las %1</translation>
    </message>
    <message>
        <source>Accept · %1 min</source>
        <translation>Aceptar · %1 min</translation>
    </message>
</context>
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
        <source>Press %1 or tap here to acknowledge all</source>
        <translation>Pulse %1 o toque aquí para dar todo por visto</translation>
    </message>
    <message numerus="yes">
        <source>+ %n earlier alerts</source>
        <translation>
            <numerusform>+ %n alerta anterior</numerusform>
            <numerusform>+ %n alertas anteriores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllDayModel</name>
    <message>
        <source>other</source>
        <translation>otra</translation>
    </message>
    <message>
        <source>%1 %2 at %3</source>
        <translation>%1 %2 en %3</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Partida</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Pendientes</translation>
    </message>
</context>
<context>
    <name>AllDayPanel</name>
    <message>
        <source>ALL DAY</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>ALL DAY · %1</source>
        <translation>TOTAL · %1</translation>
    </message>
</context>
<context>
    <name>BoardActions</name>
    <message>
        <source>Select a ticket first.</source>
        <translation>Primero seleccione una comanda.</translation>
    </message>
    <message>
        <source>Order %1 is not on this console.</source>
        <translation>El pedido %1 no está en esta consola.</translation>
    </message>
    <message>
        <source>Nothing to reopen at %1: no ticket was bumped here yet.</source>
        <translation>Nada que reabrir en %1: aún no se ha despachado ninguna comanda aquí.</translation>
    </message>
    <message>
        <source>That item is no longer on the board.</source>
        <translation>Ese producto ya no está en la pantalla.</translation>
    </message>
</context>
<context>
    <name>BoardController</name>
    <message>
        <source>The store is taking orders again.</source>
        <translation>El local vuelve a aceptar pedidos.</translation>
    </message>
    <message>
        <source>Nothing to recall: no ticket was bumped in the last %1 min.</source>
        <translation>Nada que recuperar: no se ha despachado ninguna comanda en los últimos %1 min.</translation>
    </message>
    <message>
        <source>Order %1 recalled: back to %2.</source>
        <translation>Pedido %1 recuperado: vuelve a estar %2.</translation>
    </message>
    <message>
        <source>Order %1: %2 done, every station done: ready.</source>
        <translation>Pedido %1: partida %2 terminada; todas terminadas: listo.</translation>
    </message>
    <message>
        <source>Order %1: %2 done. Press R to reopen it.</source>
        <translation>Pedido %1: partida %2 terminada. Pulse R para reabrirla.</translation>
    </message>
    <message>
        <source>Order %1: %2 reopened.</source>
        <translation>Pedido %1: partida %2 reabierta.</translation>
    </message>
    <message>
        <source>Order %1 %2. Press R to recall it.</source>
        <translation>Pedido %1 %2. Pulse R para recuperarlo.</translation>
    </message>
    <message>
        <source>Order %1 delayed by %2 min: now promised for %3.</source>
        <translation>Pedido %1 retrasado %2 min: ahora prometido para las %3.</translation>
    </message>
    <message>
        <source>Pausing the store is not available on this console.</source>
        <translation>Esta consola no puede pausar el local.</translation>
    </message>
    <message>
        <source>The store is paused: the platform sends no new orders until %1. Orders already here stay on the board.</source>
        <translation>Local en pausa: la plataforma no enviará pedidos nuevos hasta las %1. Los pedidos que ya han llegado siguen en la pantalla.</translation>
    </message>
    <message>
        <source>Order %1 rejected: %2</source>
        <translation>Pedido %1 rechazado: %2</translation>
    </message>
    <message>
        <source>Order %1: cancel acknowledged, off the board.</source>
        <translation>Pedido %1: cancelación vista, fuera de la pantalla.</translation>
    </message>
    <message>
        <source>Order %1: change acknowledged. Bump again to move it on.</source>
        <translation>Pedido %1: cambio visto. Despache otra vez para avanzarlo.</translation>
    </message>
    <message>
        <source>Order %1: %2 done, nothing left to make: ready.</source>
        <translation>Pedido %1: %2 hecho; no queda nada por hacer: listo.</translation>
    </message>
    <message>
        <source>Order %1: %2 done.</source>
        <translation>Pedido %1: %2 hecho.</translation>
    </message>
    <message>
        <source>Order %1: %2 open again.</source>
        <translation>Pedido %1: %2 pendiente otra vez.</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
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
    <message>
        <source>PAUSED until %1  ·  no new orders from the platform</source>
        <translation>EN PAUSA hasta las %1  ·  sin pedidos nuevos</translation>
    </message>
    <message numerus="yes">
        <source>%n LATE</source>
        <translation>
            <numerusform>%n CON RETRASO</numerusform>
            <numerusform>%n CON RETRASO</numerusform>
        </translation>
    </message>
    <message>
        <source>avg %1 last hour</source>
        <translation>media %1 última hora</translation>
    </message>
    <message>
        <source>avg –</source>
        <translation>media –</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Encargado</translation>
    </message>
    <message>
        <source>avg %1</source>
        <comment>the average ticket time, short</comment>
        <translation>media %1</translation>
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
    <name>ChannelDispatcher</name>
    <message>
        <source>No answer from %1, which answered later events.</source>
        <translation>Sin respuesta de %1, que sí respondió a eventos posteriores.</translation>
    </message>
</context>
<context>
    <name>CloverOAuth</name>
    <message>
        <source>Clover refused the saved sign-in; a manager must connect Clover again</source>
        <translation>Clover ha rechazado el inicio de sesión guardado; un encargado debe volver a conectar Clover</translation>
    </message>
    <message>
        <source>Clover could not renew the sign-in now (%1); it is tried again later</source>
        <translation>Clover no ha podido renovar ahora el inicio de sesión (%1); se volverá a intentar más tarde</translation>
    </message>
</context>
<context>
    <name>CloverOrderWrite</name>
    <message>
        <source>Rejected by the kitchen</source>
        <translation>Rechazado por la cocina</translation>
    </message>
    <message>
        <source>Cancelled by the kitchen</source>
        <translation>Cancelado por la cocina</translation>
    </message>
    <message>
        <source>Clover&apos;s answer named no order.</source>
        <translation>La respuesta de Clover no indicaba ningún pedido.</translation>
    </message>
    <message>
        <source>Unexpected answer from Clover.</source>
        <translation>Respuesta inesperada de Clover.</translation>
    </message>
    <message>
        <source>Clover is limiting requests; waiting as it asks.</source>
        <translation>Clover está limitando las peticiones; se espera lo que pide.</translation>
    </message>
    <message>
        <source>Clover refused the sign-in (%1).</source>
        <translation>Clover ha rechazado el inicio de sesión (%1).</translation>
    </message>
    <message>
        <source>Clover has no order %1 (%2).</source>
        <translation>Clover no tiene el pedido %1 (%2).</translation>
    </message>
    <message>
        <source>Clover had a problem (%1).</source>
        <translation>Clover ha tenido un problema (%1).</translation>
    </message>
    <message>
        <source>Clover refused the change to order %1: %2</source>
        <translation>Clover ha rechazado el cambio del pedido %1: %2</translation>
    </message>
</context>
<context>
    <name>CloverVendor</name>
    <message>
        <source>Item</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>quantity %1 %2</source>
        <translation>cantidad %1 %2</translation>
    </message>
    <message>
        <source>Clover did not answer: %1</source>
        <translation>Clover no ha respondido: %1</translation>
    </message>
    <message>
        <source>Clover answered %1</source>
        <translation>Clover ha respondido %1</translation>
    </message>
    <message>
        <source>Clover answered %1: %2</source>
        <translation>Clover ha respondido %1: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>&amp;Change the POS connection…</source>
        <translation>&amp;Cambiar la conexión con el TPV…</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>TPV</translation>
    </message>
    <message>
        <source>%1, as console %2 of store %3.</source>
        <translation>%1, como pantalla %2 del local %3.</translation>
    </message>
    <message>
        <source>The platform takes a manager&apos;s word from this console: cancels, refunds and the store&apos;s rules set here stand.</source>
        <translation>La plataforma acepta lo que decide el encargado en esta pantalla: las cancelaciones, los reembolsos y las reglas del local que se fijen aquí valen.</translation>
    </message>
    <message>
        <source>The platform has not allowed this console to act as the store&apos;s manager (or has not said so since it connected): cancels, refunds and rules set here are refused there. Whoever runs the platform allows it with: order-hub --grant-manager %1:%2</source>
        <translation>La plataforma no ha permitido a esta pantalla actuar como encargado del local (o no lo ha dicho desde que se conectó): allí se rechazan las cancelaciones, los reembolsos y las reglas que se fijen aquí. Quien gestiona la plataforma lo permite con: order-hub --grant-manager %1:%2</translation>
    </message>
    <message>
        <source>No platform: this console works on its own (console %1 of store %2).</source>
        <translation>Sin plataforma: esta pantalla trabaja por su cuenta (pantalla %1 del local %2).</translation>
    </message>
    <message>
        <source>What a manager does here stays on this console.</source>
        <translation>Lo que haga el encargado aquí se queda en esta pantalla.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Conectado a %1.</translation>
    </message>
    <message>
        <source>No POS is connected at this console.</source>
        <translation>No hay ningún TPV conectado en esta pantalla.</translation>
    </message>
    <message>
        <source>This console holds the store&apos;s whole order history from the platform.</source>
        <translation>Esta consola tiene todo el historial de pedidos de la tienda desde la plataforma.</translation>
    </message>
    <message>
        <source>The store&apos;s older order history is still arriving from the platform: %1 % so far. Reports on earlier days are incomplete until it is all here.</source>
        <translation>El historial de pedidos anterior de la tienda aún está llegando desde la plataforma: %1 % por ahora. Los informes de días anteriores estarán incompletos hasta que llegue todo.</translation>
    </message>
    <message>
        <source>&amp;Set up this screen again (pairing, store, station)…</source>
        <translation>&amp;Configurar de nuevo esta pantalla (vinculación, local, partida)…</translation>
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
    <message>
        <source>Demo mode: orders from a simulated platform (a local order-hub). The store is temporary unless --store names one; the platform&apos;s log is then kept beside it.</source>
        <translation>Modo demostración: pedidos de una plataforma simulada (un order-hub local). Los datos son temporales salvo que --store indique un archivo; el registro de la plataforma se guarda entonces a su lado.</translation>
    </message>
    <message>
        <source>Fill the screen the window is on, as board/full_screen does.</source>
        <translation>Ocupa toda la pantalla en la que está la ventana, como hace board/full_screen.</translation>
    </message>
    <message>
        <source>Kiosk: full screen, the screen kept awake, and the board started again by itself if it ever crashes, where it left off.</source>
        <translation>Quiosco: pantalla completa, la pantalla siempre encendida y, si alguna vez se cierra por un fallo, la pantalla de cocina vuelve a arrancar sola donde estaba.</translation>
    </message>
    <message>
        <source>Show the setup (language, platform pairing, which screen) even if this console was set up; it shows by itself the first time.</source>
        <translation>Muestra la configuración (idioma, vinculación con la plataforma, qué pantalla es) aunque esta consola ya esté configurada; la primera vez aparece sola.</translation>
    </message>
</context>
<context>
    <name>ConsolePairing</name>
    <message>
        <source>Paired, but this computer&apos;s keyring could not keep the credential (%1). Fix the keyring, then ask for a new code.</source>
        <translation>Vinculada, pero el llavero de este ordenador no ha podido guardar la credencial (%1). Arregle el llavero y pida un código nuevo.</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Orders by hour</source>
        <translation>Pedidos por hora</translation>
    </message>
    <message>
        <source>Time to ready by hour placed (min)</source>
        <translation>Tiempo hasta listo por hora de entrada (min)</translation>
    </message>
    <message>
        <source>Time in each state (min)</source>
        <translation>Tiempo en cada estado (min)</translation>
    </message>
    <message>
        <source>Station times, fired to done (min)</source>
        <translation>Tiempos por partida, de marchar a terminado (min)</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediana</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>Percentil 90</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <source>Cancelled or rejected</source>
        <translation>Cancelados o rechazados</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>no station bumps yet</source>
        <translation>aún no hay partidas despachadas</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Sync health</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <source>Store dashboard</source>
        <translation>Panel del local</translation>
    </message>
    <message>
        <source>&amp;Showing:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>No order is late or stuck.</source>
        <translation>Ningún pedido va con retraso ni está atascado.</translation>
    </message>
    <message>
        <source>Show &amp;ticket</source>
        <translation>Ver la &amp;comanda</translation>
    </message>
    <message>
        <source>Late and stuck</source>
        <translation>Retrasados y atascados</translation>
    </message>
    <message>
        <source>Reading the records: %L1 events so far…</source>
        <translation>Leyendo los registros: %L1 eventos hasta ahora…</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>Leyendo los registros…</translation>
    </message>
    <message>
        <source>Late and stuck (%1)</source>
        <translation>Retrasados y atascados (%1)</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Actualizado a las %1</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>Save the period shown as spreadsheets and a one-page PDF</source>
        <translation>Guardar el periodo mostrado como hojas de cálculo y un PDF de una página</translation>
    </message>
    <message>
        <source>Export the report to</source>
        <translation>Exportar el informe a</translation>
    </message>
    <message>
        <source>Export is not available here.</source>
        <translation>Aquí no se puede exportar.</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportando a %1…</translation>
    </message>
    <message>
        <source>Nothing exported: %1</source>
        <translation>No se exportó nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>Exportado %n archivo a %1</numerusform>
            <numerusform>Exportados %n archivos a %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Mensajes fallidos</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Store rules</source>
        <translation>Reglas del local</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
</context>
<context>
    <name>DeadLetterDesk</name>
    <message>
        <source>The stuck events cannot be read from the order database right now. Try again in a moment; if it keeps happening, restart the console.</source>
        <translation>Ahora mismo no se pueden leer los eventos atascados de la base de datos de pedidos. Inténtelo de nuevo en un momento; si sigue pasando, reinicie la consola.</translation>
    </message>
    <message>
        <source>Say why this event is let go: the log keeps the reason.</source>
        <translation>Indique por qué descarta este evento: el registro guarda el motivo.</translation>
    </message>
    <message>
        <source>The reason is too long: at most %1 characters.</source>
        <translation>El motivo es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>This stuck event is no longer waiting: it was sent again or let go from elsewhere.</source>
        <translation>Este evento atascado ya no está esperando: se reenvió o se descartó desde otro sitio.</translation>
    </message>
    <message>
        <source>The console refused this decision: %1</source>
        <translation>La consola rechazó esta decisión: %1</translation>
    </message>
    <message>
        <source>%1 of %2 stuck events were sent again. %3</source>
        <translation>Se reenviaron %1 de %2 eventos atascados. %3</translation>
    </message>
</context>
<context>
    <name>DeadLetterModel</name>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>hace %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>hace %1 d</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Recalled</source>
        <translation>Recuperado</translation>
    </message>
    <message>
        <source>Moved on</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>Items changed</source>
        <translation>Platos cambiados</translation>
    </message>
    <message>
        <source>Ready time changed</source>
        <translation>Hora prometida cambiada</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Nota añadida</translation>
    </message>
    <message>
        <source>Station done</source>
        <translation>Partida terminada</translation>
    </message>
    <message>
        <source>Item done</source>
        <translation>Plato terminado</translation>
    </message>
    <message>
        <source>Store paused</source>
        <translation>Local en pausa</translation>
    </message>
    <message>
        <source>Store resumed</source>
        <translation>Local reanudado</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>First error</source>
        <translation>Primer error</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Stuck since</source>
        <translation>Atascado desde</translation>
    </message>
    <message>
        <source>Store rules changed</source>
        <translation>Reglas del local cambiadas</translation>
    </message>
</context>
<context>
    <name>DeadLetterView</name>
    <message>
        <source>Nothing is stuck: every event reached its destination.</source>
        <translation>No hay nada atascado: todos los eventos llegaron a su destino.</translation>
    </message>
    <message>
        <source>The event&apos;s contents, with private details hidden</source>
        <translation>El contenido del evento, con los datos privados ocultos</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <source>Send the chosen event to its destination again (Enter)</source>
        <translation>Reenviar el evento elegido a su destino (Enter)</translation>
    </message>
    <message>
        <source>Send all again</source>
        <translation>Reenviar todos</translation>
    </message>
    <message>
        <source>Send every stuck event to its destination again</source>
        <translation>Reenviar todos los eventos atascados a su destino</translation>
    </message>
    <message>
        <source>Let go…</source>
        <translation>Descartar…</translation>
    </message>
    <message>
        <source>Never send the chosen event; you will be asked why (Delete)</source>
        <translation>No enviar nunca el evento elegido; se le preguntará por qué (Supr)</translation>
    </message>
    <message>
        <source>%1 (%2) to %3</source>
        <translation>%1 (%2) a %3</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 intento</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>%1 intentos</translation>
    </message>
    <message>
        <source>stuck since %1 (%2)</source>
        <translation>atascado desde las %1 (%2)</translation>
    </message>
    <message>
        <source>First error (%1): %2</source>
        <translation>Primer error (%1): %2</translation>
    </message>
    <message>
        <source>First error: not recorded</source>
        <translation>Primer error: no registrado</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Último error: %1</translation>
    </message>
    <message>
        <source>Reason given with the event: %1</source>
        <translation>Motivo que lleva el evento: %1</translation>
    </message>
    <message>
        <source>Sent again: %1.</source>
        <translation>Reenviado: %1.</translation>
    </message>
    <message>
        <source>1 stuck event sent again.</source>
        <translation>1 evento atascado reenviado.</translation>
    </message>
    <message>
        <source>%1 stuck events sent again.</source>
        <translation>%1 eventos atascados reenviados.</translation>
    </message>
    <message>
        <source>Let go: %1. The log keeps your reason.</source>
        <translation>Descartado: %1. El registro guarda su motivo.</translation>
    </message>
</context>
<context>
    <name>DelayDialog</name>
    <message>
        <source>Delay order %1</source>
        <translation>Retrasar el pedido %1</translation>
    </message>
    <message>
        <source>+%1 min</source>
        <translation>+%1 min</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>sin hora</translation>
    </message>
    <message>
        <source>Order %1 is promised for %2. Delay it by:</source>
        <translation>Pedido %1, hora prometida: %2. Retrasarlo:</translation>
    </message>
    <message>
        <source>New promised time: %1</source>
        <translation>Nueva hora prometida: %1</translation>
    </message>
    <message>
        <source>Delay · +%1 min</source>
        <translation>Retrasar · +%1 min</translation>
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
        <source>order-hub not found at %1</source>
        <translation>no se encontró order-hub en %1</translation>
    </message>
    <message>
        <source>order-hub stopped before it was ready (exit code %1): %2</source>
        <translation>order-hub se detuvo antes de estar listo (código de salida %1): %2</translation>
    </message>
</context>
<context>
    <name>DemoTill</name>
    <message>
        <source>pos-fake not found at %1</source>
        <translation>pos-fake no está en %1</translation>
    </message>
    <message>
        <source>pos-fake not found next to kitchen-console</source>
        <translation>pos-fake no está junto a kitchen-console</translation>
    </message>
    <message>
        <source>pos-fake did not say where it listens</source>
        <translation>pos-fake no dijo dónde escucha</translation>
    </message>
</context>
<context>
    <name>FeedMonitor</name>
    <message>
        <source>Platform</source>
        <translation>Plataforma</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>FeedStatusView</name>
    <message>
        <source>Order feeds</source>
        <translation>Canales de pedidos</translation>
    </message>
    <message>
        <source>%1 QUIET %2</source>
        <translation>%1 SIN SEÑAL %2</translation>
    </message>
    <message>
        <source>%1 not heard yet</source>
        <translation>%1 aún sin señal</translation>
    </message>
    <message>
        <source>%1 %2 ago</source>
        <translation>%1 hace %2</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <comment>a quiet feed, short</comment>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>ItemChange</name>
    <message>
        <source>none</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>%1 (seat %2, course %3)</source>
        <translation>%1 (comensal %2, pase %3)</translation>
    </message>
    <message>
        <source>%1 (seat %2)</source>
        <translation>%1 (comensal %2)</translation>
    </message>
    <message>
        <source>%1 (course %2)</source>
        <translation>%1 (pase %2)</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>allergens: %1</source>
        <translation>alérgenos: %1</translation>
    </message>
    <message>
        <source>note: &quot;%1&quot;</source>
        <translation>nota: «%1»</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Añadido: %1</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Quitado: %1</translation>
    </message>
    <message>
        <source>%1: quantity %2 → %3</source>
        <translation>%1: cantidad %2 → %3</translation>
    </message>
    <message>
        <source>%1: now %2 (was %3)</source>
        <translation>%1: ahora %2 (antes %3)</translation>
    </message>
    <message>
        <source>%1: allergens now %2 (were %3)</source>
        <translation>%1: alérgenos ahora %2 (antes %3)</translation>
    </message>
    <message>
        <source>%1: note now %2 (was %3)</source>
        <translation>%1: nota ahora %2 (antes %3)</translation>
    </message>
</context>
<context>
    <name>KeyHelpDialog</name>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>1 – 9</source>
        <translation>1 – 9</translation>
    </message>
    <message>
        <source>Select a ticket by its position</source>
        <translation>Seleccionar una comanda por su posición</translation>
    </message>
    <message>
        <source>Arrows</source>
        <translation>Flechas</translation>
    </message>
    <message>
        <source>Move between tickets</source>
        <translation>Moverse entre comandas</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Close a dialog</source>
        <translation>Cerrar un cuadro de diálogo</translation>
    </message>
    <message>
        <source>Tap, tap again</source>
        <translation>Tocar, volver a tocar</translation>
    </message>
    <message>
        <source>Select, then bump</source>
        <translation>Seleccionar y luego despachar</translation>
    </message>
</context>
<context>
    <name>KeyHintBar</name>
    <message>
        <source>bump</source>
        <translation>despachar</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>recuperar</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>rechazar</translation>
    </message>
    <message>
        <source>delay</source>
        <translation>retrasar</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>pausa</translation>
    </message>
    <message>
        <source>all-day</source>
        <translation>total</translation>
    </message>
    <message>
        <source>station</source>
        <translation>partida</translation>
    </message>
    <message>
        <source>more tickets</source>
        <translation>más comandas</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>ajustes</translation>
    </message>
    <message>
        <source>all keys</source>
        <translation>teclas</translation>
    </message>
    <message>
        <source>1–9 select</source>
        <translation>1–9 elegir</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>alerts seen</source>
        <translation>alertas vistas</translation>
    </message>
    <message>
        <source>item done</source>
        <translation>producto hecho</translation>
    </message>
    <message>
        <source>1–9: the item with that number on the selected ticket is done (or open again)   ·   any other key: cancel</source>
        <translation>1–9: el producto con ese número de la comanda seleccionada queda hecho (o pendiente otra vez)   ·   otra tecla: cancelar</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>encargado</translation>
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
    <message>
        <source>Acknowledge all alerts</source>
        <translation>Dar por vistas todas las alertas</translation>
    </message>
    <message>
        <source>Mark an item done (then its number)</source>
        <translation>Marcar un producto como hecho (luego su número)</translation>
    </message>
    <message>
        <source>Manager&apos;s dashboard</source>
        <translation>Panel del encargado</translation>
    </message>
</context>
<context>
    <name>KitchenAlert</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 y %n más</numerusform>
            <numerusform>%1 y %n más</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new orders: %1</source>
        <translation>
            <numerusform>%n pedido nuevo: %1</numerusform>
            <numerusform>%n pedidos nuevos: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orders late: %1</source>
        <translation>
            <numerusform>%n pedido con retraso: %1</numerusform>
            <numerusform>%n pedidos con retraso: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orders changed while in progress: %1</source>
        <translation>
            <numerusform>%n pedido modificado mientras estaba en cocina: %1</numerusform>
            <numerusform>%n pedidos modificados mientras estaban en cocina: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orders cancelled: %1</source>
        <translation>
            <numerusform>%n pedido cancelado: %1</numerusform>
            <numerusform>%n pedidos cancelados: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The platform overruled this console on %n orders: %1</source>
        <translation>
            <numerusform>La plataforma corrigió a esta consola en %n pedido: %1</numerusform>
            <numerusform>La plataforma corrigió a esta consola en %n pedidos: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts: %1</source>
        <translation>
            <numerusform>%n alerta: %1</numerusform>
            <numerusform>%n alertas: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders arrived while offline: none still open</source>
        <translation>
            <numerusform>%Ln pedido llegó sin conexión: ninguno sigue abierto</numerusform>
            <numerusform>%Ln pedidos llegaron sin conexión: ninguno sigue abierto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln orders arrived while offline: %1 still open (%2)</source>
        <translation>
            <numerusform>%Ln pedido llegó sin conexión; siguen abiertos: %1 (%2)</numerusform>
            <numerusform>%Ln pedidos llegaron sin conexión; siguen abiertos: %1 (%2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Joined the store: no orders open</source>
        <translation>Conectada a la tienda: ningún pedido abierto</translation>
    </message>
    <message numerus="yes">
        <source>Joined the store: %Ln orders open (%1)</source>
        <translation>
            <numerusform>Conectada a la tienda: %Ln pedido abierto (%1)</numerusform>
            <numerusform>Conectada a la tienda: %Ln pedidos abiertos (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KitchenAlerts</name>
    <message>
        <source>Order %1 cancelled: stop preparing it</source>
        <translation>Pedido %1 cancelado: dejen de prepararlo</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>Order %1: ready time moved</source>
        <translation>Pedido %1: ha cambiado la hora prometida</translation>
    </message>
    <message>
        <source>Order %1 changed while in progress</source>
        <translation>Pedido %1 modificado mientras estaba en cocina</translation>
    </message>
    <message>
        <source>Ready time moved from %1 to %2</source>
        <translation>Hora prometida cambiada de las %1 a las %2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing heard from %1 for %n min: orders may not be arriving</source>
        <translation>
            <numerusform>Sin noticias de %1 desde hace %n min: puede que no lleguen los pedidos</numerusform>
            <numerusform>Sin noticias de %1 desde hace %n min: puede que no lleguen los pedidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has been quiet for %n min: orders may not be arriving</source>
        <translation>
            <numerusform>%1 lleva %n min sin señal: puede que no lleguen los pedidos</numerusform>
            <numerusform>%1 lleva %n min sin señal: puede que no lleguen los pedidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the connection or the tablet for %1.</source>
        <translation>Revise la conexión o la tableta de %1.</translation>
    </message>
    <message numerus="yes">
        <source>Order %1 is late: placed %n min ago</source>
        <translation>
            <numerusform>Pedido %1 con retraso: entró hace %n min</numerusform>
            <numerusform>Pedido %1 con retraso: entró hace %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>New order %1</source>
        <translation>Pedido nuevo %1</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 back online: %n changes sent, %2 still waiting</source>
        <translation>
            <numerusform>%1 de nuevo en línea: %n cambio enviado, %2 por enviar</numerusform>
            <numerusform>%1 de nuevo en línea: %n cambios enviados, %2 por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 back online, %n changes sent</source>
        <translation>
            <numerusform>%1 de nuevo en línea, %n cambio enviado</numerusform>
            <numerusform>%1 de nuevo en línea, %n cambios enviados</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 back online</source>
        <translation>%1 de nuevo en línea</translation>
    </message>
    <message>
        <source>Nothing was heard from it between %1 and %2.</source>
        <translation>Sin señal entre las %1 y las %2.</translation>
    </message>
    <message numerus="yes">
        <source>%1: placed %n min ago</source>
        <translation>
            <numerusform>%1: entró hace %n min</numerusform>
            <numerusform>%1: entró hace %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaterLane</name>
    <message>
        <source>Scheduled orders</source>
        <translation>Pedidos programados</translation>
    </message>
    <message numerus="yes">
        <source>LATER · %n scheduled</source>
        <translation>
            <numerusform>MÁS TARDE · %n programado</numerusform>
            <numerusform>MÁS TARDE · %n programados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaterModel</name>
    <message numerus="yes">
        <source>%1%2
fires %3 · in %n min</source>
        <translation>
            <numerusform>%1%2
marcha a las %3 · en %n min</numerusform>
            <numerusform>%1%2
marcha a las %3 · en %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LetGoDialog</name>
    <message>
        <source>Let go of a stuck event</source>
        <translation>Descartar un evento atascado</translation>
    </message>
    <message>
        <source>Why let %1 go?</source>
        <translation>¿Por qué descarta %1?</translation>
    </message>
    <message>
        <source>It will never be sent; its order&apos;s later events go on without it. The log keeps your reason.</source>
        <translation>No se enviará nunca; los eventos siguientes de su pedido seguirán sin él. El registro guarda su motivo.</translation>
    </message>
    <message>
        <source>Type the reason</source>
        <translation>Escriba el motivo</translation>
    </message>
    <message>
        <source>Let go</source>
        <translation>Descartar</translation>
    </message>
</context>
<context>
    <name>ListEditButtons</name>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kitchen Console</source>
        <translation>Consola de cocina</translation>
    </message>
    <message>
        <source>(no key)</source>
        <translation>(sin tecla)</translation>
    </message>
    <message>
        <source>EXPO</source>
        <translation>EXPO</translation>
    </message>
</context>
<context>
    <name>ManagerPin</name>
    <message>
        <source>1 second</source>
        <translation>1 segundo</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-second</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n-minute</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>a wait: minutes and seconds</comment>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Demasiados PIN incorrectos. Vuelva a intentarlo dentro de %1.</translation>
    </message>
    <message>
        <source>A manager PIN is set on this console already; enter it to go on.</source>
        <translation>Esta consola ya tiene un PIN de encargado; escríbalo para continuar.</translation>
    </message>
    <message>
        <source>The saved manager PIN cannot be read. Ask whoever looks after this console to reset it.</source>
        <translation>No se puede leer el PIN de encargado guardado. Pida a quien mantiene esta consola que lo restablezca.</translation>
    </message>
    <message>
        <source>Wrong PIN. 1 try left before a %1 wait.</source>
        <translation>PIN incorrecto. Queda 1 intento antes de una espera de %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left before a %1 wait.</source>
        <translation>
            <numerusform>PIN incorrecto. Queda %n intento antes de una espera de %1.</numerusform>
            <numerusform>PIN incorrecto. Quedan %n intentos antes de una espera de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN incorrecto.</translation>
    </message>
    <message>
        <source>The keyring did not keep the new PIN. Check that it is unlocked, then try again.</source>
        <translation>El llavero no ha guardado el PIN nuevo. Compruebe que está desbloqueado y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The keyring could not be read. Check that it is unlocked, then try again.</source>
        <translation>No se ha podido leer el llavero. Compruebe que está desbloqueado y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>No manager PIN is set on this console yet.</source>
        <translation>Esta consola aún no tiene PIN de encargado.</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current one; choose another.</source>
        <translation>El PIN nuevo es igual que el actual; elija otro.</translation>
    </message>
    <message>
        <source>The keyring did not remove the manager PIN, so nothing is changed. Check that the keyring is unlocked, then try again.</source>
        <translation>El llavero no ha quitado el PIN de encargado, así que no ha cambiado nada. Compruebe que el llavero está desbloqueado y vuelva a intentarlo.</translation>
    </message>
</context>
<context>
    <name>ManagerPinDialog</name>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>The two PINs differ. Choose the new PIN again.</source>
        <translation>Los dos PIN no coinciden. Elija de nuevo el PIN.</translation>
    </message>
    <message>
        <source>Saving the PIN…</source>
        <translation>Guardando el PIN…</translation>
    </message>
    <message>
        <source>Checking the PIN…</source>
        <translation>Comprobando el PIN…</translation>
    </message>
    <message>
        <source>Looking for the manager PIN…</source>
        <translation>Buscando el PIN de encargado…</translation>
    </message>
    <message>
        <source>No manager PIN is set on this console yet. Choose one of %1 to %2 digits.</source>
        <translation>Esta consola aún no tiene PIN de encargado. Elija uno de %1 a %2 cifras.</translation>
    </message>
    <message>
        <source>Enter the new PIN again to confirm it.</source>
        <translation>Vuelva a escribir el PIN nuevo para confirmarlo.</translation>
    </message>
    <message>
        <source>Enter the manager PIN.</source>
        <translation>Escriba el PIN de encargado.</translation>
    </message>
    <message>
        <source>The manager PIN cannot be checked now.</source>
        <translation>Ahora no se puede comprobar el PIN de encargado.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>1 digit entered</source>
        <translation>1 cifra escrita</translation>
    </message>
    <message numerus="yes">
        <source>%n digits entered</source>
        <translation>
            <numerusform>%n cifra escrita</numerusform>
            <numerusform>%n cifras escritas</numerusform>
        </translation>
    </message>
    <message>
        <source>Set the manager PIN</source>
        <translation>Crear el PIN de encargado</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>PIN de encargado</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Ya puede volver a intentarlo.</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current one; choose another.</source>
        <translation>El PIN nuevo es igual que el actual; elija otro.</translation>
    </message>
    <message>
        <source>Choose the new manager PIN, of %1 to %2 digits.</source>
        <translation>Elija el PIN de encargado nuevo, de %1 a %2 cifras.</translation>
    </message>
    <message>
        <source>Enter the current manager PIN.</source>
        <translation>Escriba el PIN de encargado actual.</translation>
    </message>
    <message>
        <source>Change the manager PIN</source>
        <translation>Cambiar el PIN de encargado</translation>
    </message>
</context>
<context>
    <name>MetricsWorker</name>
    <message>
        <source>The figures cannot read this console&apos;s records: %1</source>
        <translation>Las cifras no pueden leer los registros de esta consola: %1</translation>
    </message>
    <message>
        <source>The figures could not be brought up to date: %1</source>
        <translation>No se pudieron poner al día las cifras: %1</translation>
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
    <name>OffscreenBar</name>
    <message>
        <source>Tickets off screen</source>
        <translation>Comandas fuera de la pantalla</translation>
    </message>
    <message numerus="yes">
        <source> · %n new</source>
        <translation>
            <numerusform> · %n nueva</numerusform>
            <numerusform> · %n nuevas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n on screen</source>
        <translation>
            <numerusform>Todas en pantalla (%n)</numerusform>
            <numerusform>Todas en pantalla (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest %1, %2</source>
        <translation>la más antigua %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>▲ %n above</source>
        <translation>
            <numerusform>▲ %n arriba</numerusform>
            <numerusform>▲ %n arriba</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>▼ %n below · newest %1</source>
        <translation>
            <numerusform>▼ %n abajo · la más nueva %1</numerusform>
            <numerusform>▼ %n abajo · la más nueva %1</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 goes on</source>
        <translation> · %1 sigue</translation>
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
        <source>A delay must be at least one minute.</source>
        <translation>El retraso debe ser de al menos un minuto.</translation>
    </message>
    <message>
        <source>Order %1 is not accepted yet; accept it with a prep time instead of delaying it.</source>
        <translation>El pedido %1 aún no está aceptado; acéptelo con un tiempo de preparación en lugar de retrasarlo.</translation>
    </message>
    <message>
        <source>Order %1 is %2; its promised time can no longer change.</source>
        <translation>El pedido %1 está %2; su hora prometida ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Nothing was done. %1</source>
        <translation>No se ha hecho nada. %1</translation>
    </message>
</context>
<context>
    <name>OrderModel</name>
    <message>
        <source>Order %1, %2, %3</source>
        <translation>Pedido %1, %2, %3</translation>
    </message>
    <message>
        <source>Order %1, %2, %3, changed</source>
        <translation>Pedido %1, %2, %3, modificado</translation>
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
    <name>OverviewPage</name>
    <message>
        <source>no reason</source>
        <translation>sin motivo</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Placed to ready</source>
        <translation>De entrada a listo</translation>
    </message>
    <message>
        <source>Placed to handed over</source>
        <translation>De entrada a entregado</translation>
    </message>
    <message>
        <source>Late against the promise</source>
        <translation>Tarde respecto a lo prometido</translation>
    </message>
    <message>
        <source>Tickets past amber / red</source>
        <translation>Comandas en ámbar / rojo</translation>
    </message>
    <message>
        <source>Stuck now</source>
        <translation>Atascados ahora</translation>
    </message>
    <message>
        <source>Recalls</source>
        <translation>Recuperados</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelados</translation>
    </message>
    <message>
        <source>Refused by the platform</source>
        <translation>Rechazados por la plataforma</translation>
    </message>
    <message>
        <source>%1 open now</source>
        <translation>%1 abiertos ahora</translation>
    </message>
    <message>
        <source>median · 90 % within %1 · fastest %2 · slowest %3</source>
        <translation>mediana · el 90 % en menos de %1 · el más rápido %2 · el más lento %3</translation>
    </message>
    <message>
        <source>no order ready yet</source>
        <translation>aún no hay pedidos listos</translation>
    </message>
    <message>
        <source>median · 90 % within %1</source>
        <translation>mediana · el 90 % en menos de %1</translation>
    </message>
    <message>
        <source>no order handed over yet</source>
        <translation>aún no se ha entregado ningún pedido</translation>
    </message>
    <message>
        <source>%1 of %2 orders with a promised time</source>
        <translation>%1 de %2 pedidos con hora prometida</translation>
    </message>
    <message>
        <source>%1 amber (over %2 min), %3 red (over %4 min) of %5</source>
        <translation>%1 en ámbar (más de %2 min), %3 en rojo (más de %4 min) de %5</translation>
    </message>
    <message>
        <source>nothing is stuck</source>
        <translation>nada atascado</translation>
    </message>
    <message>
        <source>longest: #%1, %2 for %3</source>
        <translation>el que más: n.º %1, %2 desde hace %3</translation>
    </message>
    <message>
        <source>%1 of orders</source>
        <translation>%1 de los pedidos</translation>
    </message>
    <message>
        <source>%1 after cooking started</source>
        <translation>%1 con la cocina ya empezada</translation>
    </message>
    <message>
        <source>%1 of %2 changes</source>
        <translation>%1 de %2 cambios</translation>
    </message>
</context>
<context>
    <name>PairingPage</name>
    <message>
        <source>Pairing…</source>
        <translation>Vinculando…</translation>
    </message>
    <message>
        <source>Where do this screen&apos;s orders come from?</source>
        <translation>¿De dónde vienen los pedidos de esta pantalla?</translation>
    </message>
    <message>
        <source>From the ordering platform</source>
        <translation>De la plataforma de pedidos</translation>
    </message>
    <message>
        <source>Work without a platform</source>
        <translation>Trabajar sin plataforma</translation>
    </message>
    <message>
        <source>Only orders from this store&apos;s POS and this screen. No alarm about a missing platform; pair later from the manager&apos;s dashboard.</source>
        <translation>Solo pedidos del TPV de este local y de esta pantalla. Sin alarma por falta de plataforma; se puede vincular más tarde desde el panel del encargado.</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Dirección de la plataforma</translation>
    </message>
    <message>
        <source>Pairing code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <source>Pair this screen</source>
        <translation>Vincular esta pantalla</translation>
    </message>
    <message>
        <source>Paired: this screen is %1 of store %2.</source>
        <translation>Vinculada: esta pantalla es %1 del local %2.</translation>
    </message>
    <message>
        <source>Ask whoever runs the platform for a pairing code for this screen. It works once, for a few minutes.</source>
        <translation>Pida a quien gestiona la plataforma un código de vinculación para esta pantalla. Sirve una sola vez, durante unos minutos.</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Pause the store</source>
        <translation>Pausar el local</translation>
    </message>
    <message>
        <source>The store is paused until %1. Change the pause, or resume now:</source>
        <translation>El local está en pausa hasta las %1. Cambie la pausa o reanude ahora:</translation>
    </message>
    <message>
        <source>Stop new orders from the platform for a while. Orders already here stay on the board.</source>
        <translation>Detenga un rato los pedidos nuevos de la plataforma. Los pedidos que ya han llegado siguen en la pantalla.</translation>
    </message>
    <message>
        <source>Pause 20 min</source>
        <translation>Pausar 20 min</translation>
    </message>
    <message>
        <source>Pause 40 min</source>
        <translation>Pausar 40 min</translation>
    </message>
    <message>
        <source>Pause until</source>
        <translation>Pausar hasta</translation>
    </message>
    <message>
        <source>Resume now</source>
        <translation>Reanudar ahora</translation>
    </message>
</context>
<context>
    <name>PinHash</name>
    <message>
        <source>Enter a PIN of %1 to %2 digits.</source>
        <translation>Escriba un PIN de %1 a %2 cifras.</translation>
    </message>
    <message>
        <source>A PIN is made of digits 0 to 9 only, without letters, spaces or signs.</source>
        <translation>Un PIN solo lleva cifras del 0 al 9, sin letras, espacios ni signos.</translation>
    </message>
    <message>
        <source>A PIN needs at least %1 digits.</source>
        <translation>Un PIN necesita al menos %1 cifras.</translation>
    </message>
    <message>
        <source>A PIN has at most %1 digits.</source>
        <translation>Un PIN tiene como máximo %1 cifras.</translation>
    </message>
    <message>
        <source>A PIN of one digit repeated is among the first guesses; choose another.</source>
        <translation>Un PIN de una sola cifra repetida es de lo primero que se prueba; elija otro.</translation>
    </message>
    <message>
        <source>A PIN of digits in a row is among the first guesses; choose another.</source>
        <translation>Un PIN de cifras seguidas es de lo primero que se prueba; elija otro.</translation>
    </message>
</context>
<context>
    <name>PinReset</name>
    <message>
        <source>kc-admin: the settings file %1 cannot be written; nothing was changed.</source>
        <translation>kc-admin: no se puede escribir el archivo de ajustes %1; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Removed the manager PIN of store %1 from the keyring.</source>
        <translation>Se ha quitado del llavero el PIN de encargado del local %1.</translation>
    </message>
    <message>
        <source>No manager PIN of store %1 was in the keyring; nothing to remove.</source>
        <translation>El llavero no tenía PIN de encargado del local %1; no hay nada que quitar.</translation>
    </message>
    <message>
        <source>kc-admin: the wrong PINs counted in %1 could not be cleared; the next manager PIN set on the console clears them.</source>
        <translation>kc-admin: no se han podido borrar los PIN incorrectos contados en %1; el próximo PIN de encargado que se cree en la consola los borrará.</translation>
    </message>
    <message>
        <source>1 wrong PIN</source>
        <translation>1 PIN incorrecto</translation>
    </message>
    <message numerus="yes">
        <source>%n wrong PINs in a row</source>
        <translation>
            <numerusform>%n PIN incorrecto seguido</numerusform>
            <numerusform>%n PIN incorrectos seguidos</numerusform>
        </translation>
    </message>
    <message>
        <source>No wrong PINs were counted (%1).</source>
        <translation>No había PIN incorrectos contados (%1).</translation>
    </message>
    <message>
        <source>Cleared %1 and the wait they started (%2).</source>
        <translation>Borrados: %1 y la espera que provocaron (%2).</translation>
    </message>
    <message>
        <source>Cleared %1 (%2).</source>
        <translation>Borrado: %1 (%2).</translation>
    </message>
    <message>
        <source>The dashboard asks for a new manager PIN the next time it is opened.</source>
        <translation>El panel pedirá un PIN de encargado nuevo la próxima vez que se abra.</translation>
    </message>
    <message>
        <source>the keyring did not answer within %1 s; is it locked? Run pin-reset again once it answers.</source>
        <translation>el llavero no ha respondido en %1 s; ¿está bloqueado? Vuelva a ejecutar pin-reset cuando responda.</translation>
    </message>
    <message>
        <source>kc-admin: the manager PIN of store %1 was not reset: %2</source>
        <translation>kc-admin: no se ha restablecido el PIN de encargado del local %1: %2</translation>
    </message>
</context>
<context>
    <name>PlatformConnection</name>
    <message>
        <source>No credential for console %1 of store %2: a manager pairs this screen again (dashboard, Connections)</source>
        <translation>No hay credencial para la consola %1 del local %2: un encargado debe vincular de nuevo esta pantalla (panel, Conexiones)</translation>
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
    <message>
        <source>No PEM certificate in %1</source>
        <translation>No hay ningún certificado PEM en %1</translation>
    </message>
</context>
<context>
    <name>PlatformLogReader</name>
    <message>
        <source>The platform&apos;s address %1 cannot be used.</source>
        <translation>La dirección de la plataforma %1 no se puede usar.</translation>
    </message>
    <message>
        <source>The platform&apos;s log skipped from event %1 to event %2; it cannot be compared.</source>
        <translation>El registro de la plataforma salta del evento %1 al evento %2; no se puede comparar.</translation>
    </message>
    <message>
        <source>The platform ended its log at event %1 of %2.</source>
        <translation>La plataforma terminó su registro en el evento %1 de %2.</translation>
    </message>
    <message>
        <source>Could not reach the platform at %1, or it closed the connection before accepting this console.</source>
        <translation>No se pudo llegar a la plataforma en %1, o cerró la conexión antes de aceptar esta consola.</translation>
    </message>
    <message>
        <source>The platform closed the connection after sending %1 of its %2 events.</source>
        <translation>La plataforma cerró la conexión después de enviar %1 de sus %2 eventos.</translation>
    </message>
    <message>
        <source>The platform refused: %1</source>
        <translation>La plataforma lo rechazó: %1</translation>
    </message>
    <message>
        <source>The platform at %1 did not accept this console within %2 s.</source>
        <translation>La plataforma en %1 no aceptó esta consola en %2 s.</translation>
    </message>
    <message>
        <source>The platform did not send its whole log within %1 s (%2 of %3 events).</source>
        <translation>La plataforma no envió todo su registro en %1 s (%2 de %3 eventos).</translation>
    </message>
</context>
<context>
    <name>PlatformNewsWording</name>
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
    <message>
        <source>Order %1 was archived, and the platform now says it was %2 at %3. The change is kept; the order&apos;s earlier history is in its archive file.</source>
        <translation>El pedido %1 ya estaba archivado y la plataforma indica ahora que quedó %2 el %3. El cambio se guarda; el historial anterior del pedido está en su archivo de histórico.</translation>
    </message>
    <message>
        <source>The platform says order %1 was %2 at %3, but this console has no such order. The change is kept.</source>
        <translation>La plataforma indica que el pedido %1 quedó %2 el %3, pero esta consola no tiene ese pedido. El cambio se guarda.</translation>
    </message>
</context>
<context>
    <name>PlatformPairing</name>
    <message>
        <source>The platform did not answer in time. Check the address and the network, then try again.</source>
        <translation>La plataforma no ha respondido a tiempo. Compruebe la dirección y la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Type the pairing code first.</source>
        <translation>Primero escriba el código de vinculación.</translation>
    </message>
    <message>
        <source>The platform&apos;s certificate was not accepted: %1</source>
        <translation>No se ha aceptado el certificado de la plataforma: %1</translation>
    </message>
    <message>
        <source>The platform answered with something this console does not understand.</source>
        <translation>La plataforma ha respondido algo que esta consola no entiende.</translation>
    </message>
    <message>
        <source>Cannot reach the platform (%1). Check the address and the network, then try again.</source>
        <translation>No se puede conectar con la plataforma (%1). Compruebe la dirección y la red y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>That pairing code is not right. Check it and type it again.</source>
        <translation>Ese código de vinculación no es correcto. Revíselo y escríbalo de nuevo.</translation>
    </message>
    <message>
        <source>That pairing code has expired. Ask for a new one.</source>
        <translation>Ese código de vinculación ha caducado. Pida uno nuevo.</translation>
    </message>
    <message>
        <source>That pairing code was used already. Ask for a new one.</source>
        <translation>Ese código de vinculación ya se ha usado. Pida uno nuevo.</translation>
    </message>
    <message>
        <source>Too many wrong codes were tried. Wait a few minutes, then try again.</source>
        <translation>Se han probado demasiados códigos erróneos. Espere unos minutos y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The platform could not pair this console now. Try again in a minute.</source>
        <translation>La plataforma no ha podido vincular esta consola ahora. Vuelva a intentarlo dentro de un minuto.</translation>
    </message>
</context>
<context>
    <name>PlatformVerify</name>
    <message>
        <source>the keyring did not answer within %1 s; is it locked?</source>
        <translation>el llavero no respondió en %1 s; ¿está bloqueado?</translation>
    </message>
    <message>
        <source>the keyring gave no credential (%1). A console&apos;s secret is enrolled with &quot;kitchen-console --store-id %2 --console-id %3 --enroll&quot;.</source>
        <translation>el llavero no dio ninguna credencial (%1). El secreto de una consola se registra con &quot;kitchen-console --store-id %2 --console-id %3 --enroll&quot;.</translation>
    </message>
    <message>
        <source>%1 of the platform&apos;s %2 events, %3 orders</source>
        <translation>%1 de los %2 eventos de la plataforma, %3 pedidos</translation>
    </message>
    <message>
        <source>platform OK: %1</source>
        <translation>plataforma OK: %1</translation>
    </message>
    <message>
        <source>platform FAILED: %1 %2 in %3. The platform&apos;s history is the authority: this console differs from it.</source>
        <translation>plataforma FALLO: %1 %2 en %3. El historial de la plataforma es el que manda: esta consola no coincide con él.</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problema</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>problemas</translation>
    </message>
    <message>
        <source>kc-admin: cannot compare with the platform: %1</source>
        <translation>kc-admin: no se puede comparar con la plataforma: %1</translation>
    </message>
    <message>
        <source>platform NOT CHECKED: console %1 of store %2 was not compared with the platform.</source>
        <translation>plataforma SIN COMPROBAR: la consola %1 del local %2 no se comparó con la plataforma.</translation>
    </message>
</context>
<context>
    <name>PosAdapter</name>
    <message>
        <source>The POS&apos;s address is not set.</source>
        <translation>La dirección del TPV no está configurada.</translation>
    </message>
    <message>
        <source>The POS&apos;s location is not set.</source>
        <translation>La ubicación del TPV no está configurada.</translation>
    </message>
    <message>
        <source>No Square access token is saved: enter it in the settings.</source>
        <translation>No hay ningún token de acceso de Square guardado: introdúzcalo en la configuración.</translation>
    </message>
    <message>
        <source>No Toast client id and secret are saved: enter them in the settings.</source>
        <translation>No hay ningún ID ni secreto de cliente de Toast guardados: introdúzcalos en la configuración.</translation>
    </message>
    <message>
        <source>Clover&apos;s saved sign-in cannot be read (%1): connect Clover again.</source>
        <translation>No se puede leer el inicio de sesión guardado de Clover (%1): vuelva a conectar Clover.</translation>
    </message>
    <message>
        <source>No Clover sign-in is saved: connect Clover in the settings.</source>
        <translation>No hay ningún inicio de sesión de Clover guardado: conecte Clover en la configuración.</translation>
    </message>
    <message>
        <source>No POS is chosen.</source>
        <translation>No se ha elegido ningún TPV.</translation>
    </message>
    <message>
        <source>%1 cannot be reached at %2: no network, or %1 is down (%3).</source>
        <translation>No se puede contactar con %1 en %2: no hay red o %1 no funciona (%3).</translation>
    </message>
    <message>
        <source>%1 refused the access token: check it, or connect %1 again.</source>
        <translation>%1 rechazó el token de acceso: compruébelo o vuelva a conectar %1.</translation>
    </message>
    <message>
        <source>%1 does not know location %2 for this account: check the location.</source>
        <translation>%1 no conoce la ubicación %2 para esta cuenta: compruebe la ubicación.</translation>
    </message>
    <message>
        <source>%1 is limiting requests: try again in a minute.</source>
        <translation>%1 está limitando las solicitudes: vuelva a intentarlo dentro de un minuto.</translation>
    </message>
    <message>
        <source>%1 is down: it answered %2.</source>
        <translation>%1 no funciona: respondió %2.</translation>
    </message>
</context>
<context>
    <name>PosChannel</name>
    <message>
        <source>Order %1 could not be read from this console&apos;s store.</source>
        <translation>No se pudo leer el pedido %1 del almacén de esta consola.</translation>
    </message>
</context>
<context>
    <name>PosConnection</name>
    <message>
        <source>No sign-in for %1 is saved on this console: enter it in the settings.</source>
        <translation>No hay ningún inicio de sesión de %1 guardado en esta consola: introdúzcalo en la configuración.</translation>
    </message>
    <message>
        <source>The console cannot receive %1&apos;s webhooks on port %2 (%3); it polls instead.</source>
        <translation>La consola no puede recibir los webhooks de %1 en el puerto %2 (%3); los consulta periódicamente en su lugar.</translation>
    </message>
    <message>
        <source>No POS runs on this console.</source>
        <translation>No hay ningún TPV funcionando en esta consola.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent to %1 and wait for a manager</source>
        <translation>
            <numerusform>%n cambio no se pudo enviar a %1 y espera a un encargado</numerusform>
            <numerusform>%n cambios no se pudieron enviar a %1 y esperan a un encargado</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n order(s) wait behind them.</source>
        <translation>
            <numerusform>; %n pedido espera detrás.</numerusform>
            <numerusform>; %n pedidos esperan detrás.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 asked for a pause; changes go again at %2.</source>
        <translation>%1 pidió una pausa; los cambios vuelven a salir a las %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) wait for %1: %2</source>
        <translation>
            <numerusform>%n cambio espera a %1: %2</numerusform>
            <numerusform>%n cambios esperan a %1: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PosFeed</name>
    <message>
        <source>%1&apos;s orders could not be read: %2</source>
        <translation>No se pudieron leer los pedidos de %1: %2</translation>
    </message>
    <message>
        <source>An order from %1 could not be read yet: %2</source>
        <translation>Aún no se pudo leer un pedido de %1: %2</translation>
    </message>
</context>
<context>
    <name>PosHttp</name>
    <message>
        <source>no access token is set up for %1</source>
        <translation>no hay ningún token de acceso configurado para %1</translation>
    </message>
    <message>
        <source>%1&apos;s access token is missing or lapsed</source>
        <translation>el token de acceso de %1 falta o ha caducado</translation>
    </message>
    <message>
        <source>%1 gave no access token</source>
        <translation>%1 no dio ningún token de acceso</translation>
    </message>
    <message>
        <source>signing in to %1 failed: %2</source>
        <translation>no se pudo iniciar sesión en %1: %2</translation>
    </message>
</context>
<context>
    <name>PosOrderDiff</name>
    <message>
        <source>Voided at the till</source>
        <translation>Anulado en caja</translation>
    </message>
</context>
<context>
    <name>PosSecretsWriter</name>
    <message>
        <source>The keyring did not keep the POS sign-in: %1</source>
        <translation>El llavero no guardó el inicio de sesión del TPV: %1</translation>
    </message>
</context>
<context>
    <name>PosSettingsPage</name>
    <message>
        <source>The point-of-sale system this store runs beside the board. Sign-in secrets are kept in this computer&apos;s keyring, never in the settings file, and are not shown again once saved.</source>
        <translation>El terminal punto de venta (TPV) que este local usa junto al tablero. Los secretos de inicio de sesión se guardan en el llavero de este ordenador, nunca en el archivo de configuración, y no se vuelven a mostrar una vez guardados.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Square</source>
        <translation>Square</translation>
    </message>
    <message>
        <source>Toast</source>
        <translation>Toast</translation>
    </message>
    <message>
        <source>Clover</source>
        <translation>Clover</translation>
    </message>
    <message>
        <source>off (poll only)</source>
        <translation>desactivado (solo consulta)</translation>
    </message>
    <message>
        <source>as registered with the POS, e.g. https://…/pos/square</source>
        <translation>tal como está registrada en el TPV, p. ej. https://…/pos/square</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Punto de venta</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Dirección de la API</translation>
    </message>
    <message>
        <source>Location ID</source>
        <translation>ID de ubicación</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>ID de la app</translation>
    </message>
    <message>
        <source>Dining option GUID</source>
        <translation>GUID de la opción de servicio</translation>
    </message>
    <message>
        <source>Menu item GUID</source>
        <translation>GUID del artículo de menú</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acceso</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID de cliente</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secreto de cliente</translation>
    </message>
    <message>
        <source>OAuth token pair (JSON)</source>
        <translation>Par de tokens OAuth (JSON)</translation>
    </message>
    <message>
        <source>Webhook signature key</source>
        <translation>Clave de firma de webhooks</translation>
    </message>
    <message>
        <source>Webhook listener port</source>
        <translation>Puerto de escucha de webhooks</translation>
    </message>
    <message>
        <source>Webhook public URL</source>
        <translation>URL pública de webhooks</translation>
    </message>
    <message>
        <source>Check for orders every</source>
        <translation>Buscar pedidos cada</translation>
    </message>
    <message>
        <source>Restaurant GUID</source>
        <translation>GUID del restaurante</translation>
    </message>
    <message>
        <source>Merchant ID</source>
        <translation>ID de comercio</translation>
    </message>
    <message>
        <source>Merchant API token</source>
        <translation>Token de API del comercio</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Secreto de webhooks</translation>
    </message>
    <message>
        <source>Webhook auth code</source>
        <translation>Código de autenticación de webhooks</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>no guardado</translation>
    </message>
    <message>
        <source>saved — type to replace</source>
        <translation>guardado — escriba para sustituirlo</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Probando…</translation>
    </message>
    <message>
        <source>Connected: %1 accepted the sign-in for %2.</source>
        <translation>Conectado: %1 aceptó el inicio de sesión para %2.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>No se pudo escribir la configuración en %1.</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <source>Recall a ticket</source>
        <translation>Recuperar una comanda</translation>
    </message>
    <message numerus="yes">
        <source>Bumped in the last %n min, latest first:</source>
        <translation>
            <numerusform>Último %n min, la más reciente primero:</numerusform>
            <numerusform>Últimos %n min, la más reciente primero:</numerusform>
        </translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>RecallListModel</name>
    <message>
        <source>no name</source>
        <translation>sin nombre</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <source>%1   %2   ·   %3   ·   %4</source>
        <translation>%1   %2   ·   %3   ·   %4</translation>
    </message>
</context>
<context>
    <name>RefusalWording</name>
    <message>
        <source>The platform refused the store&apos;s new rules; the ones before stay in force: %1</source>
        <translation>La plataforma rechazó las nuevas reglas del local; siguen vigentes las anteriores: %1</translation>
    </message>
    <message>
        <source>The platform refused the store&apos;s &quot;%1&quot;: %2</source>
        <translation>La plataforma rechazó «%1» del local: %2</translation>
    </message>
    <message>
        <source>Order %1: the platform refused &quot;%2&quot;: %3</source>
        <translation>Pedido %1: la plataforma rechazó «%2»: %3</translation>
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
    <message>
        <source>Choose a reason with its number or a tap, then press Enter.</source>
        <translation>Elija un motivo con su número o tocándolo, y luego pulse Intro.</translation>
    </message>
    <message>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
</context>
<context>
    <name>ReportData</name>
    <message>
        <source>The store&apos;s records could not be read: %1</source>
        <translation>No se pudieron leer los registros de la tienda: %1</translation>
    </message>
    <message>
        <source>The store %1 cannot be opened: %2</source>
        <translation>No se puede abrir la tienda %1: %2</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>%1, %2 to %3</source>
        <translation>%1, de %2 a %3</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>Del %1 al %2</translation>
    </message>
    <message>
        <source>Kitchen report, %1</source>
        <translation>Informe de cocina, %1</translation>
    </message>
    <message>
        <source>the PDF could not be drawn</source>
        <translation>no se pudo dibujar el PDF</translation>
    </message>
    <message>
        <source>Kitchen report</source>
        <translation>Informe de cocina</translation>
    </message>
    <message>
        <source>Kitchen report: %1</source>
        <translation>Informe de cocina: %1</translation>
    </message>
    <message>
        <source>Made %1 · times in %2 · tickets amber after %3 min, red after %4 min</source>
        <translation>Hecho el %1 · horas en %2 · comandas en ámbar a partir de %3 min, en rojo a partir de %4 min</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>%1 cannot be made: %2</source>
        <translation>No se puede generar %1: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>RouteListEditor</name>
    <message>
        <source>Item name contains</source>
        <translation>El nombre del plato contiene</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va a</translation>
    </message>
    <message>
        <source>words in the item&apos;s name, e.g. shake</source>
        <translation>palabras del nombre del plato, p. ej. batido</translation>
    </message>
    <message>
        <source>Station for the new route</source>
        <translation>Partida para la nueva regla</translation>
    </message>
    <message>
        <source>%1 (not a station)</source>
        <translation>%1 (no es una partida)</translation>
    </message>
    <message>
        <source>No station is called %1 now: remove this route, or add the station back.</source>
        <translation>Ya no hay ninguna partida llamada %1: quite esta regla o vuelva a añadir la partida.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Board settings</source>
        <translation>Ajustes de la pantalla</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Pantalla</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Ticket turns amber after</source>
        <translation>La comanda pasa a ámbar a los</translation>
    </message>
    <message>
        <source>Ticket turns red (late) after</source>
        <translation>La comanda pasa a rojo (retraso) a los</translation>
    </message>
    <message>
        <source>Prep-time quote preselected</source>
        <translation>Tiempo de preparación preseleccionado</translation>
    </message>
    <message>
        <source>Expo (whole orders)</source>
        <translation>Expo (pedidos completos)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Mute alert sounds (alerts flash instead)</source>
        <translation>Silenciar las alertas (parpadean en su lugar)</translation>
    </message>
    <message>
        <source>This screen shows</source>
        <translation>Esta pantalla muestra</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Type size</source>
        <translation>Tamaño de letra</translation>
    </message>
    <message>
        <source>Alarm when a feed is quiet for</source>
        <translation>Alarma si un canal lleva sin señal</translation>
    </message>
    <message>
        <source>Click a field, then press up to four keys or bump bar buttons for that command. Number keys 1–9 select a ticket, the arrows move and Esc closes a dialog; those cannot be changed.</source>
        <translation>Haga clic en un campo y pulse hasta cuatro teclas o botones de la botonera para esa función. Las teclas 1–9 seleccionan una comanda, las flechas mueven y Esc cierra un diálogo; esas no se pueden cambiar.</translation>
    </message>
    <message>
        <source>Moved from: %1</source>
        <translation>Tecla quitada de: %1</translation>
    </message>
    <message>
        <source>Compact tickets (more on the screen, same type size)</source>
        <translation>Comandas compactas (más en pantalla, mismo tamaño de letra)</translation>
    </message>
    <message>
        <source>Show them before they are accepted</source>
        <translation>Mostrarlos antes de aceptarlos</translation>
    </message>
    <message>
        <source>New orders at a station</source>
        <translation>Pedidos nuevos en una partida</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>Ignore a repeated bump within</source>
        <translation>Ignorar un despacho repetido en</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>Repetir cada</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>until someone touches the board</source>
        <translation>hasta que alguien toque la pantalla</translation>
    </message>
    <message>
        <source>New-order sound</source>
        <translation>Aviso de pedido nuevo</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>TPV</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Local</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Partidas</translation>
    </message>
    <message>
        <source>Reasons to reject</source>
        <translation>Motivos de rechazo</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message>
        <source>around the clock</source>
        <translation>las 24 horas</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>de %1 a %2</translation>
    </message>
    <message>
        <source>These are the store&apos;s rules, the same on every screen. A manager changes them, and the POS connection: Manager (F9), then Store rules or Connections.</source>
        <translation>Son las reglas del local, iguales en todas las pantallas. Las cambia un encargado, igual que la conexión con el TPV: Encargado (F9) y luego Reglas del local o Conexiones.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>an item&apos;s words → its station</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <source>none: items go where their order says</source>
        <translation>ninguno: los platos van adonde dice su pedido</translation>
    </message>
</context>
<context>
    <name>SetupFlow</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <source>Open the board</source>
        <translation>Abrir la pantalla de cocina</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Set up this screen</source>
        <translation>Configurar esta pantalla</translation>
    </message>
    <message>
        <source>Welcome. Which language should this screen speak?</source>
        <translation>Bienvenido. ¿En qué idioma debe hablar esta pantalla?</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>expo (whole orders)</source>
        <translation>expo (pedidos completos)</translation>
    </message>
    <message>
        <source>This screen is %1 of store %2, paired with the platform at %3.</source>
        <translation>Esta pantalla es %1 del local %2, vinculada con la plataforma en %3.</translation>
    </message>
    <message>
        <source>This screen is %1 of store %2, working without a platform.</source>
        <translation>Esta pantalla es %1 del local %2 y trabaja sin plataforma.</translation>
    </message>
    <message>
        <source>It shows %1. A manager can change all of this later from the dashboard.</source>
        <translation>Muestra %1. Un encargado puede cambiar todo esto más tarde desde su panel.</translation>
    </message>
    <message>
        <source>Start full screen when this computer starts (kiosk)</source>
        <translation>Arrancar a pantalla completa al encender este ordenador (quiosco)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SquareVendor</name>
    <message>
        <source>quantity %1</source>
        <translation>cantidad %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Square did not answer: %1</source>
        <translation>Square no respondió: %1</translation>
    </message>
    <message>
        <source>Square answered %1 %2</source>
        <translation>Square respondió %1 %2</translation>
    </message>
</context>
<context>
    <name>SquareWrite</name>
    <message>
        <source>Square&apos;s answer named no order.</source>
        <translation>La respuesta de Square no nombraba ningún pedido.</translation>
    </message>
    <message>
        <source>Square does not let apps update order %1: it was not made through Square&apos;s API.</source>
        <translation>Square no deja que las aplicaciones cambien el pedido %1: no se hizo mediante la API de Square.</translation>
    </message>
    <message>
        <source>Square kept changing order %1 while it was updated.</source>
        <translation>Square siguió cambiando el pedido %1 mientras se actualizaba.</translation>
    </message>
    <message>
        <source>Unexpected answer from Square.</source>
        <translation>Respuesta inesperada de Square.</translation>
    </message>
    <message>
        <source>Square already shows order %1 as %2; it cannot become %3.</source>
        <translation>Square ya muestra el pedido %1 como %2; no puede pasar a %3.</translation>
    </message>
    <message>
        <source>Square did not answer: %1</source>
        <translation>Square no respondió: %1</translation>
    </message>
    <message>
        <source>Square is limiting requests; waiting as it asks.</source>
        <translation>Square está limitando las peticiones; se espera lo que pide.</translation>
    </message>
    <message>
        <source>Square refused the access token (%1).</source>
        <translation>Square rechazó el token de acceso (%1).</translation>
    </message>
    <message>
        <source>Square has no order %1.</source>
        <translation>Square no tiene el pedido %1.</translation>
    </message>
    <message>
        <source>Square had a problem (%1 %2).</source>
        <translation>Square tuvo un problema (%1 %2).</translation>
    </message>
    <message>
        <source>Square refused the change to order %1: %2</source>
        <translation>Square rechazó el cambio del pedido %1: %2</translation>
    </message>
</context>
<context>
    <name>StaffRobot</name>
    <message>
        <source>Too busy</source>
        <translation>Demasiado trabajo</translation>
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
    <name>StationPage</name>
    <message>
        <source>Which screen is this?</source>
        <translation>¿Qué pantalla es esta?</translation>
    </message>
    <message>
        <source>Paired with the platform: this screen is %1 of store %2.</source>
        <translation>Vinculada con la plataforma: esta pantalla es %1 del local %2.</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>This screen&apos;s name</source>
        <translation>Nombre de esta pantalla</translation>
    </message>
    <message>
        <source>What this screen shows (S on the board changes it later):</source>
        <translation>Qué muestra esta pantalla (luego se cambia con S en la pantalla de cocina):</translation>
    </message>
    <message>
        <source>Expo: whole orders</source>
        <translation>Expo: pedidos completos</translation>
    </message>
</context>
<context>
    <name>StationRules</name>
    <message>
        <source>Choose a station first.</source>
        <translation>Primero elija una partida.</translation>
    </message>
    <message>
        <source>Order %1 is %2; stations can only bump orders being prepared.</source>
        <translation>El pedido %1 está %2; las partidas solo pueden despachar pedidos en cocina.</translation>
    </message>
    <message>
        <source>Order %1 is %2; recall it first to reopen %3.</source>
        <translation>El pedido %1 está %2; recupérelo primero para reabrir %3.</translation>
    </message>
    <message>
        <source>Order %1 has nothing for %2.</source>
        <translation>El pedido %1 no tiene nada para %2.</translation>
    </message>
    <message>
        <source>%1 is already done on order %2.</source>
        <translation>La partida %1 ya ha terminado el pedido %2.</translation>
    </message>
    <message>
        <source>%1 is still open on order %2.</source>
        <translation>La partida %1 aún no ha terminado el pedido %2.</translation>
    </message>
    <message>
        <source>Order %1 is %2; items can only be marked done while it is being prepared.</source>
        <translation>El pedido %1 está %2; los productos solo se marcan como hechos mientras se prepara.</translation>
    </message>
    <message>
        <source>Order %1 was changed: %2 is no longer where it was. Look again and retry.</source>
        <translation>El pedido %1 ha cambiado: %2 ya no está donde estaba. Mire de nuevo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>%1 on order %2 is already marked done.</source>
        <translation>%1 del pedido %2 ya está marcado como hecho.</translation>
    </message>
    <message>
        <source>%1 on order %2 is still to make.</source>
        <translation>%1 del pedido %2 aún está por hacer.</translation>
    </message>
</context>
<context>
    <name>StoreControlsPage</name>
    <message>
        <source>&amp;Resume now</source>
        <translation>&amp;Reanudar ahora</translation>
    </message>
    <message>
        <source>&amp;Cancel the order</source>
        <translation>&amp;Cancelar el pedido</translation>
    </message>
    <message>
        <source>Re&amp;fund the order</source>
        <translation>Re&amp;embolsar el pedido</translation>
    </message>
    <message>
        <source>Taking orders</source>
        <translation>Aceptando pedidos</translation>
    </message>
    <message>
        <source>Pause %1 min</source>
        <translation>Pausar %1 min</translation>
    </message>
    <message>
        <source>An order</source>
        <translation>Un pedido</translation>
    </message>
    <message>
        <source>the number on the ticket</source>
        <translation>el número de la comanda</translation>
    </message>
    <message>
        <source>why, for the log and the customer</source>
        <translation>por qué, para el registro y el cliente</translation>
    </message>
    <message>
        <source>Ticket &amp;number:</source>
        <translation>&amp;Número de comanda:</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>This console cannot pause the store.</source>
        <translation>Esta consola no puede pausar el local.</translation>
    </message>
    <message>
        <source>Paused until %1: the platform sends no new orders.</source>
        <translation>En pausa hasta las %1: la plataforma no envía pedidos nuevos.</translation>
    </message>
    <message>
        <source>Taking orders.</source>
        <translation>Aceptando pedidos.</translation>
    </message>
    <message>
        <source>The store is paused for %1 min.</source>
        <translation>El local está en pausa durante %1 min.</translation>
    </message>
    <message>
        <source>The store is taking orders again.</source>
        <translation>El local vuelve a aceptar pedidos.</translation>
    </message>
    <message>
        <source>No order #%1 is open or was finished in the last two days.</source>
        <translation>Ningún pedido n.º %1 está abierto ni se terminó en los últimos dos días.</translation>
    </message>
    <message>
        <source>Order #%1 is cancelled: %2</source>
        <translation>Pedido n.º %1 cancelado: %2</translation>
    </message>
    <message>
        <source>Order #%1 is refunded: %2</source>
        <translation>Pedido n.º %1 reembolsado: %2</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>Cambiar el &amp;PIN…</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>PIN de encargado</translation>
    </message>
    <message>
        <source>The PIN that opens the dashboard on this console.</source>
        <translation>El PIN que abre el panel en esta consola.</translation>
    </message>
    <message>
        <source>The manager PIN is changed; it opens the dashboard from now on.</source>
        <translation>Se ha cambiado el PIN de encargado; desde ahora es el que abre el panel.</translation>
    </message>
    <message>
        <source>The manager PIN is set; it opens the dashboard from now on.</source>
        <translation>Se ha creado el PIN de encargado; desde ahora es el que abre el panel.</translation>
    </message>
    <message>
        <source>The manager PIN is unchanged. %1</source>
        <translation>El PIN de encargado no ha cambiado. %1</translation>
    </message>
    <message>
        <source>The manager PIN is unchanged.</source>
        <translation>El PIN de encargado no ha cambiado.</translation>
    </message>
</context>
<context>
    <name>StoreFaults</name>
    <message>
        <source>The console&apos;s disk is full, so changes cannot be saved. Tell the manager.</source>
        <translation>El disco de la consola está lleno y no se pueden guardar los cambios. Avise al encargado.</translation>
    </message>
    <message>
        <source>Another program is holding the order database, so changes cannot be saved right now. Try again in a moment; if it keeps happening, tell the manager.</source>
        <translation>Otro programa está usando la base de datos de pedidos y ahora no se pueden guardar los cambios. Vuelva a intentarlo en un momento; si sigue pasando, avise al encargado.</translation>
    </message>
    <message>
        <source>The console&apos;s disk failed to save. Try again; if it keeps happening, tell the manager.</source>
        <translation>El disco de la consola no ha podido guardar. Vuelva a intentarlo; si sigue pasando, avise al encargado.</translation>
    </message>
    <message>
        <source>The order database is damaged. Restart the console so it can repair it, and tell the manager.</source>
        <translation>La base de datos de pedidos está dañada. Reinicie la consola para que la repare y avise al encargado.</translation>
    </message>
    <message>
        <source>The order database cannot be written (read-only or no permission). Tell the manager.</source>
        <translation>No se puede escribir en la base de datos de pedidos (solo lectura o sin permiso). Avise al encargado.</translation>
    </message>
    <message>
        <source>The change could not be saved. Try again; if it keeps happening, tell the manager.</source>
        <translation>No se pudo guardar el cambio. Vuelva a intentarlo; si sigue pasando, avise al encargado.</translation>
    </message>
</context>
<context>
    <name>StorePause</name>
    <message>
        <source>The pause must end in the future; choose a later time.</source>
        <translation>La pausa debe terminar más adelante; elija una hora posterior.</translation>
    </message>
    <message>
        <source>The store is not paused; it is taking orders.</source>
        <translation>El local no está en pausa; está aceptando pedidos.</translation>
    </message>
</context>
<context>
    <name>StorePolicy</name>
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
    <message>
        <source>%1: at least %2 needed.</source>
        <translation>%1: hacen falta al menos %2.</translation>
    </message>
    <message>
        <source>%1: at most %2.</source>
        <translation>%1: como mucho %2.</translation>
    </message>
    <message>
        <source>%1: an entry is empty or starts or ends with spaces.</source>
        <translation>%1: hay una entrada vacía o que empieza o acaba con espacios.</translation>
    </message>
    <message>
        <source>%1: &quot;%2…&quot; is longer than %3 characters.</source>
        <translation>%1: «%2…» tiene más de %3 caracteres.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is there twice.</source>
        <translation>%1: «%2» está dos veces.</translation>
    </message>
    <message>
        <source>A feed may be quiet for 1 minute to 24 hours before the alarm.</source>
        <translation>Una fuente puede estar callada de 1 minuto a 24 horas antes de la alarma.</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Partidas</translation>
    </message>
    <message>
        <source>Reject reasons</source>
        <translation>Motivos de rechazo</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Opening hours need a valid opening and closing time.</source>
        <translation>El horario necesita una hora de apertura y de cierre válidas.</translation>
    </message>
    <message>
        <source>Routing: at most %1 rules.</source>
        <translation>Reparto: como máximo %1 reglas.</translation>
    </message>
    <message>
        <source>Routing: a rule&apos;s words are empty or start or end with spaces.</source>
        <translation>Reparto: las palabras de una regla están vacías o empiezan o terminan con espacios.</translation>
    </message>
    <message>
        <source>Routing: &quot;%1…&quot; is longer than %2 characters.</source>
        <translation>Reparto: «%1…» tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <source>Routing: &quot;%1&quot; is there twice.</source>
        <translation>Reparto: «%1» está dos veces.</translation>
    </message>
    <message>
        <source>Routing: &quot;%1&quot; goes to &quot;%2&quot;, which is not one of the stations.</source>
        <translation>Reparto: «%1» va a «%2», que no es ninguna de las partidas.</translation>
    </message>
    <message>
        <source>Amber must come after %1 to %2 minutes.</source>
        <translation>El ámbar debe llegar tras %1 a %2 minutos.</translation>
    </message>
    <message>
        <source>Red (late) must come after amber, and within %1 minutes.</source>
        <translation>El rojo (retrasado) debe llegar después del ámbar y en %1 minutos como mucho.</translation>
    </message>
    <message>
        <source>The prep-time quote must be %1 to %2 minutes.</source>
        <translation>El tiempo de preparación prometido debe ser de %1 a %2 minutos.</translation>
    </message>
</context>
<context>
    <name>StorePolicyBook</name>
    <message>
        <source>Only a manager may change the store&apos;s rules.</source>
        <translation>Solo un encargado puede cambiar las reglas del local.</translation>
    </message>
    <message>
        <source>Nothing changed: these are the store&apos;s rules already.</source>
        <translation>No ha cambiado nada: ya son las reglas del local.</translation>
    </message>
</context>
<context>
    <name>StoreRulesPage</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>a station, as items name it</source>
        <translation>una partida, como la nombran los artículos</translation>
    </message>
    <message>
        <source>a reason a cook may pick</source>
        <translation>un motivo que el cocinero pueda elegir</translation>
    </message>
    <message>
        <source>&amp;Save for the whole store</source>
        <translation>&amp;Guardar para todo el local</translation>
    </message>
    <message>
        <source>&amp;Undo changes</source>
        <translation>&amp;Deshacer los cambios</translation>
    </message>
    <message>
        <source>Stations, in the order screens go through them</source>
        <translation>Partidas, en el orden en que las recorren las pantallas</translation>
    </message>
    <message>
        <source>Reasons to reject</source>
        <translation>Motivos de rechazo</translation>
    </message>
    <message>
        <source>Ticket times</source>
        <translation>Tiempos de las comandas</translation>
    </message>
    <message>
        <source>Turns amber after</source>
        <translation>Se pone ámbar a los</translation>
    </message>
    <message>
        <source>Turns red (late) after</source>
        <translation>Se pone roja (retrasada) a los</translation>
    </message>
    <message>
        <source>Prep-time quote</source>
        <translation>Tiempo de preparación propuesto</translation>
    </message>
    <message>
        <source>Feeds and opening hours</source>
        <translation>Fuentes y horario</translation>
    </message>
    <message>
        <source>Alarm when a feed is quiet for</source>
        <translation>Alarma cuando una fuente calla durante</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>Abre a las</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>Cierra a las</translation>
    </message>
    <message>
        <source>Equal times: open around the clock.</source>
        <translation>Horas iguales: abierto las 24 horas.</translation>
    </message>
    <message>
        <source>This console&apos;s settings file holds these rules; no manager has set them for the store yet.</source>
        <translation>Estas reglas vienen del archivo de ajustes de esta pantalla; ningún encargado las ha fijado aún para el local.</translation>
    </message>
    <message>
        <source>Set by %1 at console %2, %3.</source>
        <translation>Fijadas por %1 en la pantalla %2, %3.</translation>
    </message>
    <message>
        <source>The store&apos;s rules were changed meanwhile (%1). Undo changes to see them, or save yours over them.</source>
        <translation>Mientras tanto cambiaron las reglas del local (%1). Deshaga los cambios para verlas, o guarde las suyas encima.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se ha guardado: %1</translation>
    </message>
    <message>
        <source>Saved. Every screen of the store follows these rules now; the platform hears of it as soon as the link allows.</source>
        <translation>Guardado. Todas las pantallas del local siguen ya estas reglas; la plataforma se entera en cuanto la conexión lo permita.</translation>
    </message>
    <message>
        <source>Routing: which items go to which station</source>
        <translation>Reparto: qué platos van a qué partida</translation>
    </message>
    <message>
        <source>The first route that matches wins. An item no route takes goes where its order says. New orders follow the routes; orders already on the board keep their stations.</source>
        <translation>Gana la primera regla que coincide. Un plato que ninguna regla recoge va adonde dice su pedido. Los pedidos nuevos siguen las reglas; los que ya están en pantalla conservan sus partidas.</translation>
    </message>
</context>
<context>
    <name>Submitter</name>
    <message>
        <source>Console %1 belongs to store %2; it cannot submit events of store %3.</source>
        <translation>La consola %1 es del local %2; no puede enviar eventos del local %3.</translation>
    </message>
    <message>
        <source>Console %1 may act only for its kitchen staff; it cannot submit a %2 event as %3 (actor &quot;%4&quot;).</source>
        <translation>La consola %1 solo puede actuar por su personal de cocina; no puede enviar un evento %2 como %3 (actor «%4»).</translation>
    </message>
    <message>
        <source>Console %1 may not relay the store&apos;s POS orders, so it cannot submit a %2 event as %3 (actor &quot;%4&quot;): whoever runs the platform has not allowed it (order-hub --grant-pos-relay %5:%1).</source>
        <translation>La consola %1 no puede retransmitir los pedidos del TPV de la tienda, así que no puede enviar un evento %2 como %3 (actor «%4»): quien gestiona la plataforma no se lo ha permitido (order-hub --grant-pos-relay %5:%1).</translation>
    </message>
    <message>
        <source>Console %1 may not act as the store&apos;s manager, so it cannot submit a %2 event as %3 (actor &quot;%4&quot;): whoever runs the platform has not allowed it (order-hub --grant-manager %5:%1).</source>
        <translation>La consola %1 no puede actuar como encargado de la tienda, así que no puede enviar un evento %2 como %3 (actor «%4»): quien gestiona la plataforma no se lo ha permitido (order-hub --grant-manager %5:%1).</translation>
    </message>
</context>
<context>
    <name>SyncHealth</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 POS</source>
        <translation>TPV %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Bien</translation>
    </message>
    <message>
        <source>Slow</source>
        <translation>Lento</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>Fallando</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n cambio por enviar</numerusform>
            <numerusform>%n cambios por enviar</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>el más antiguo %1</translation>
    </message>
    <message>
        <source>live %1 % of the last %2</source>
        <translation>conectado el %1 % de las últimas %2</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) could not be delivered and wait for you under Dead letters.</source>
        <translation>
            <numerusform>%n evento no se ha podido entregar y le espera en Mensajes fallidos.</numerusform>
            <numerusform>%n eventos no se han podido entregar y le esperan en Mensajes fallidos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) are held behind them.</source>
        <translation>
            <numerusform>%n pedido espera detrás.</numerusform>
            <numerusform>%n pedidos esperan detrás.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected for %1; changes are kept and wait to be sent.</source>
        <translation>Sin conexión desde hace %1; los cambios se guardan y esperan a enviarse.</translation>
    </message>
    <message>
        <source>Asked us to wait; sending again in %1.</source>
        <translation>Nos ha pedido esperar; se vuelve a enviar en %1.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Not connected; changes are kept and will be sent.</source>
        <translation>Sin conexión; los cambios se guardan y se enviarán.</translation>
    </message>
    <message>
        <source>Connected, but changes are slow to go through.</source>
        <translation>Conectado, pero los cambios tardan en pasar.</translation>
    </message>
    <message>
        <source>Connected, but the last try failed: %1</source>
        <translation>Conectado, pero el último intento falló: %1</translation>
    </message>
    <message>
        <source>Connected; sending.</source>
        <translation>Conectado; enviando.</translation>
    </message>
    <message>
        <source>Connected; everything is sent.</source>
        <translation>Conectado; todo enviado.</translation>
    </message>
</context>
<context>
    <name>SyncHealthModel</name>
    <message>
        <source>Link</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>What is happening</source>
        <translation>Qué pasa</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
</context>
<context>
    <name>SyncHealthPanel</name>
    <message>
        <source>Where this console&apos;s changes go. Nothing is lost while a link is down: changes wait here and go when it is back.</source>
        <translation>Adónde van los cambios de esta consola. No se pierde nada mientras una conexión está caída: los cambios esperan aquí y salen cuando vuelve.</translation>
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
    <message>
        <source>New orders and changes from the platform wait there until this console can save again; nothing is lost.</source>
        <translation>Los pedidos nuevos y los cambios de la plataforma esperan allí hasta que esta consola pueda volver a guardar; no se pierde nada.</translation>
    </message>
    <message>
        <source>NOT SAVING</source>
        <translation>SIN GUARDAR</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>Todo enviado</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n por enviar</numerusform>
            <numerusform>%n por enviar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TicketBody</name>
    <message>
        <source>COURSE %1</source>
        <translation>PASE %1</translation>
    </message>
    <message>
        <source>SEAT %1</source>
        <translation>COMENSAL %1</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NUEVO</translation>
    </message>
    <message>
        <source>CHANGED</source>
        <translation>MODIFICADO</translation>
    </message>
    <message>
        <source>REMOVED</source>
        <translation>QUITADO</translation>
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
    <name>TicketPainter</name>
    <message>
        <source>LATE · FOR %1</source>
        <translation>TARDE · PARA %1</translation>
    </message>
    <message>
        <source>FOR %1</source>
        <translation>PARA %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>LATE · %1</source>
        <translation>RETRASO · %1</translation>
    </message>
    <message>
        <source>SLOW · %1</source>
        <translation>LENTO · %1</translation>
    </message>
    <message>
        <source>◀ CONTINUED %1/%2 · %3</source>
        <translation>◀ CONTINÚA %1/%2 · %3</translation>
    </message>
    <message>
        <source>CONTINUED %1/%2 ▶</source>
        <translation>CONTINÚA %1/%2 ▶</translation>
    </message>
    <message>
        <source>CANCELLED · STOP</source>
        <translation>CANCELADO · PARAR</translation>
    </message>
    <message>
        <source>CHANGED · %1</source>
        <translation>MODIFICADO · %1</translation>
    </message>
    <message>
        <source>DUE %1 · WAS %2</source>
        <translation>PARA %1 · ERA %2</translation>
    </message>
</context>
<context>
    <name>ToastLogin</name>
    <message>
        <source>Toast refused the client id or secret</source>
        <translation>Toast rechazó el id de cliente o el secreto</translation>
    </message>
    <message>
        <source>Toast&apos;s login answered %1</source>
        <translation>El inicio de sesión de Toast respondió %1</translation>
    </message>
    <message>
        <source>Toast&apos;s login gave no access token</source>
        <translation>El inicio de sesión de Toast no dio ningún token de acceso</translation>
    </message>
</context>
<context>
    <name>ToastVendor</name>
    <message>
        <source>quantity %1</source>
        <translation>cantidad %1</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Toast did not answer: %1</source>
        <translation>Toast no respondió: %1</translation>
    </message>
    <message>
        <source>Toast answered %1 %2</source>
        <translation>Toast respondió %1 %2</translation>
    </message>
</context>
<context>
    <name>ToastWrite</name>
    <message>
        <source>Toast&apos;s answer named no order.</source>
        <translation>La respuesta de Toast no nombraba ningún pedido.</translation>
    </message>
    <message>
        <source>Unexpected answer from Toast.</source>
        <translation>Respuesta inesperada de Toast.</translation>
    </message>
    <message>
        <source>Order %1, delivered by its platform</source>
        <translation>Pedido %1, entregado por su plataforma</translation>
    </message>
    <message>
        <source>Toast did not answer: %1</source>
        <translation>Toast no respondió: %1</translation>
    </message>
    <message>
        <source>Toast is limiting requests; waiting as it asks.</source>
        <translation>Toast está limitando las peticiones; se espera lo que pide.</translation>
    </message>
    <message>
        <source>Toast refused the access token (%1).</source>
        <translation>Toast rechazó el token de acceso (%1).</translation>
    </message>
    <message>
        <source>Toast does not let this client reach the restaurant (%1).</source>
        <translation>Toast no deja a este cliente acceder al restaurante (%1).</translation>
    </message>
    <message>
        <source>Toast has no order %1.</source>
        <translation>Toast no tiene el pedido %1.</translation>
    </message>
    <message>
        <source>Toast had a problem (%1 %2).</source>
        <translation>Toast tuvo un problema (%1 %2).</translation>
    </message>
    <message>
        <source>Toast refused the change to order %1: %2</source>
        <translation>Toast rechazó el cambio del pedido %1: %2</translation>
    </message>
</context>
<context>
    <name>WatchListModel</name>
    <message>
        <source>Late: promised for %1</source>
        <translation>Con retraso: prometido para las %1</translation>
    </message>
    <message>
        <source>Late: waiting past the late age</source>
        <translation>Con retraso: espera más del tiempo límite</translation>
    </message>
    <message>
        <source>Stuck: %1 for %2</source>
        <translation>Atascado: %1 desde hace %2</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Esperando</translation>
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
    <message>
        <source>The damaged file was kept for support, beside the new one, as %1.</source>
        <translation>El archivo dañado se ha guardado para el servicio técnico, junto al nuevo, como %1.</translation>
    </message>
    <message>
        <source>Nothing could be read from it: the board fills again as the platform resends its orders.</source>
        <translation>No se pudo leer nada de él: la pantalla se llenará de nuevo a medida que la plataforma reenvíe sus pedidos.</translation>
    </message>
    <message>
        <source>Orders recovered from it: %1.</source>
        <translation>Pedidos recuperados de él: %1.</translation>
    </message>
    <message>
        <source>Changes made on this screen shortly before may not have reached the platform: check open orders against it.</source>
        <translation>Puede que los cambios hechos en esta pantalla poco antes no hayan llegado a la plataforma: compare con ella los pedidos abiertos.</translation>
    </message>
    <message>
        <source>The order database was damaged and has been rebuilt; orders are being fetched again from the platform.</source>
        <translation>La base de datos de pedidos estaba dañada y se ha reconstruido; los pedidos se están descargando de nuevo de la plataforma.</translation>
    </message>
    <message>
        <source>Demo without a till: %1</source>
        <translation>Demo sin caja: %1</translation>
    </message>
    <message>
        <source>The kitchen board is showing orders</source>
        <translation>La pantalla de cocina está mostrando pedidos</translation>
    </message>
    <message>
        <source>No display to show the board on: DISPLAY and WAYLAND_DISPLAY are not set. Start it in the desktop session, or with -platform offscreen.</source>
        <translation>No hay pantalla donde mostrar la consola: DISPLAY y WAYLAND_DISPLAY no están definidas. Arránquela dentro de la sesión de escritorio, o con -platform offscreen.</translation>
    </message>
</context>
</TS>
