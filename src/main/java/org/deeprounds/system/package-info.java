/** The administrators' view of the server: compute backend, versions, memory and the data directory. */
package org.deeprounds.system;
