# SPDX-FileCopyrightText: 2026 Kitchen Console contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The lines between products, held where CMake can see them: which targets may never link which,
# directly or through another target (docs/architecture.md). scripts/check-arrows holds the lines
# the linker cannot see (which folder includes which).

# Every target and library name that `target` links, directly or through the targets it links.
function(kc_linked_closure target out)
    set(seen "")
    set(todo "${target}")
    while(todo)
        list(POP_FRONT todo current)
        if(NOT TARGET "${current}")
            continue()
        endif()
        get_target_property(aliased "${current}" ALIASED_TARGET)
        if(aliased)
            set(current "${aliased}")
        endif()
        set(links "")
        foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
            get_target_property(more "${current}" ${property})
            if(more)
                list(APPEND links ${more})
            endif()
        endforeach()
        foreach(link IN LISTS links)
            # Static libraries pass private links on as $<LINK_ONLY:x>; they are links all the same.
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            if(link MATCHES "^\\$<" OR link IN_LIST seen)
                continue()
            endif()
            list(APPEND seen "${link}")
            list(APPEND todo "${link}")
        endforeach()
    endwhile()
    set(${out} "${seen}" PARENT_SCOPE)
endfunction()

# Fails the configuration if `target` links any of the FORBIDDEN targets, naming the reason.
function(kc_forbid_links target)
    cmake_parse_arguments(ARG "" "BECAUSE" "FORBIDDEN" ${ARGN})
    if(NOT TARGET "${target}")
        return()
    endif()
    kc_linked_closure("${target}" linked)
    foreach(forbidden IN LISTS ARG_FORBIDDEN)
        if(forbidden IN_LIST linked)
            message(FATAL_ERROR "Forbidden arrow: ${target} links ${forbidden}: ${ARG_BECAUSE}")
        endif()
    endforeach()
endfunction()

# The project's nevers; call once every target exists.
function(kc_check_arrows)
    kc_forbid_links(kc_domain
        FORBIDDEN Qt6::Gui Qt6::Widgets Qt6::Network Qt6::WebSockets Qt6::HttpServer qt6keychain
                  kc_net kc_console kc_hub kc_ui
        BECAUSE "the kernel is the order model, the protocol and SQLite helpers, nothing more")
    foreach(core IN ITEMS kc_net kc_console kc_hub)
        kc_forbid_links(${core} FORBIDDEN Qt6::Gui Qt6::Widgets kc_ui
                        BECAUSE "core/ runs without a display")
    endforeach()
    kc_forbid_links(kc_hub FORBIDDEN kc_console
                    BECAUSE "the hub never links the console's engine; share through kc_domain")
    foreach(console IN ITEMS kc_console kc_ui kitchen-console kc-admin)
        kc_forbid_links(${console} FORBIDDEN kc_hub
                        BECAUSE "the console never links the hub; share through kc_domain")
    endforeach()
    kc_forbid_links(order-hub FORBIDDEN kc_console kc_ui
                    BECAUSE "order-hub is the platform, not a console")
    # The fake POS vendors judge our adapters, so they share nothing with them; only tests and
    # pos-fake link them.
    kc_forbid_links(kc_posfakes
        FORBIDDEN kc_domain kc_net kc_console kc_hub kc_ui Qt6::Gui Qt6::Widgets Qt6::Sql
        BECAUSE "the fakes follow the vendors' documents, not our code")
    foreach(product IN ITEMS kc_domain kc_net kc_console kc_hub kc_ui kitchen-console kc-admin
                             order-hub)
        kc_forbid_links(${product} FORBIDDEN kc_posfakes
                        BECAUSE "a product never runs a fake vendor in-process (pos-fake does)")
    endforeach()
endfunction()
